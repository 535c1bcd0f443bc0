/** Types of chromium.mjs, for the test that imports it. */
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
