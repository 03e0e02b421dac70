// The PostgreSQL schema, one migration per entry, applied in order at start and recorded in
// konpro_migrations. Never edit an applied one: add the next.
export const MIGRATIONS: readonly { id: number; sql: string }[] = [
  {
    id: 1,
    sql: `
      create table konpro_sessions (
        id_hash text primary key,
        session jsonb not null,
        expires_at timestamptz not null
      );
      create index konpro_sessions_expiry on konpro_sessions (expires_at);
      create table konpro_history (
        seq bigserial primary key,
        endpoint_id text not null,
        at timestamptz not null,
        entry jsonb not null
      );
      create index konpro_history_endpoint on konpro_history (endpoint_id, seq desc);
      create index konpro_history_at on konpro_history (at);
    `,
  },
];
