// Types for the benchmark's input generator, so TypeScript tests can build the same trees.
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}
export function createRandom(seed: number): Random;
export function generateSchema(dialect: 'tsql' | 'sqlite', targetBytes: number, seed: number): string;
export function schemaFileName(dialect: 'tsql' | 'sqlite', index: number): string;
export function writeTree(root: string, count: number, seed?: number): number;
export function writeSchemaFile(filePath: string, dialect: 'tsql' | 'sqlite', bytes: number, seed?: number): number;
