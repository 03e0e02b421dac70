export const BUILD_OUTPUTS: string[];
export const BUILD_INPUTS: string[];
export function staleBuildReason(
  root: string,
  options?: { outputs?: string[]; inputs?: string[] },
): string | null;
