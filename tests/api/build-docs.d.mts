/** Types of build-docs.mjs, for the test that imports it. */
export declare const MODEL_DIR: string;
export declare const REPORT: string;
export declare function extractApi(options?: { update?: boolean }): {
  succeeded: boolean;
  reportChanged: boolean;
  warnings: string[];
};
export declare function documentApi(outDir: string): string[];
export declare function brokenLinks(dir: string): string[];
