/** The little of PouchDB and express-pouchdb that the PouchDB bench uses (they ship no types). */
declare module 'pouchdb-core' {
  export interface PouchInfo {
    readonly doc_count: number;
    readonly update_seq: number | string;
  }
  export interface PouchDatabase {
    bulkDocs(docs: readonly object[]): Promise<readonly { readonly ok?: boolean; readonly error?: string }[]>;
    info(): Promise<PouchInfo>;
    destroy(): Promise<unknown>;
    readonly replicate: { from(source: string, options?: object): Promise<{ readonly ok: boolean; readonly docs_written: number }> };
  }
  export interface PouchStatic {
    new (name: string, options?: object): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: object): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-browser' {
  import type { PouchStatic } from 'pouchdb-core';
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: (PouchDB: unknown) => void;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { PouchStatic } from 'pouchdb-core';
  type PouchApp = (req: IncomingMessage, res: ServerResponse) => void;
  export default function expressPouchDB(PouchDB: PouchStatic, options?: object): PouchApp;
}
