import type { SqlServerVersion } from '../config/config.js';

/**
 * SQL Server targets from oldest to newest. Azure SQL Database tracks the newest engine, so it
 * ranks last: it has every feature the boxed product has.
 */
const ORDER: readonly SqlServerVersion[] = ['2016', '2017', '2019', '2022', '2025', 'azure'];

/** True when the configured target has a feature introduced in `since`. */
export function sqlServerSupports(target: SqlServerVersion, since: SqlServerVersion): boolean {
  const have = ORDER.indexOf(target);
  // An unknown target cannot come from validated config; treat it as the default (2019).
  return (have < 0 ? ORDER.indexOf('2019') : have) >= ORDER.indexOf(since);
}

/** How a target is named in messages: `SQL Server 2019`, `Azure SQL Database`. */
export function sqlServerName(target: SqlServerVersion): string {
  return target === 'azure' ? 'Azure SQL Database' : `SQL Server ${target}`;
}
