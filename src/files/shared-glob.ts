import type * as GlobModule from 'glob';

/** The options schema-lint globs with; every call of one SharedGlob must pass the same `cwd`. */
export interface SharedGlobOptions {
  cwd: string;
  absolute: true;
  nodir: true;
  dot?: boolean;
  ignore?: string[];
}

/**
 * Glob calls that share glob's cache of the folders they read (its PathScurry). Each call
 * otherwise reads and stats the tree again for itself, so many patterns over a big folder cost
 * patterns × files of file-system calls: 4,000 globs on the command line over 4,000 files
 * took 26 s, and 2,000 configured pairs with a globbed update script each 12.5 s. Within one
 * run the tree is read once, as a run reads each file once anyway.
 */
export class SharedGlob {
  private scurry: GlobModule.Glob<SharedGlobOptions>['scurry'] | undefined;

  constructor(private readonly glob: typeof GlobModule) {}

  matchSync(pattern: string, options: SharedGlobOptions): string[] {
    return this.start(pattern, options).walkSync();
  }

  match(pattern: string, options: SharedGlobOptions): Promise<string[]> {
    return this.start(pattern, options).walk();
  }

  private start(pattern: string, options: SharedGlobOptions): GlobModule.Glob<SharedGlobOptions> {
    const walker = new this.glob.Glob(pattern, this.scurry ? { ...options, scurry: this.scurry } : options);
    this.scurry ??= walker.scurry;
    return walker;
  }
}
