#!/usr/bin/env node
// The CLI runs the compiled library (dist/), built by `npm install` (the `prepare` script) or `npm run build`.
import { existsSync } from "node:fs";

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    "chokepoint: not built yet; run `npm install` (or `npm run build`) in the package folder\n",
  );
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
