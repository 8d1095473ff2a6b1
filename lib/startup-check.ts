import { checkStartupConfig, ConfigError } from "./env";

export function checkConfigOrExit(): void {
  try {
    checkStartupConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
