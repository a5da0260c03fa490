import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** Where Nest narrates its own start-up: one line per module, per controller and per route. */
const NEST_START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/**
 * Nest's console logger with its start-up narration moved to the verbose level: at the default
 * level, about sixty lines of route log would push the URLs a newcomer needs off the screen.
 */
export class ApiLogger extends ConsoleLogger {
  constructor(logLevels: LogLevel[]) {
    super({ logLevels });
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && NEST_START_UP_CONTEXTS.has(context))
      super.verbose(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}
