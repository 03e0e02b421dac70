export interface Cluster {
  /** `postgres://konpro@127.0.0.1:PORT/postgres`, no password (trust on loopback). */
  url: string;
  stop(): void;
}
export function startCluster(): Promise<Cluster>;
