/** The few parts of the Frictionless JS library (`datapackage`, untyped) the tests use. */
declare module 'datapackage' {
  export interface Resource {
    read(options?: { keyed?: boolean; relations?: boolean; cast?: boolean; limit?: number }): Promise<unknown[]>;
  }
  export class Package {
    static load(descriptor: object | string, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resourceNames: string[];
    getResource(name: string): Resource;
  }
}
