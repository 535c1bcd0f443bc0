/**
 * The package works from outside: `npm pack` the project, install the tarball in an empty folder, and run a
 * JavaScript (ESM), a TypeScript and a CommonJS script that `import`/`require` "chokepoint", load the bundled 2025
 * graph by name, build and apply a scenario, analyse it, run the flow and print Japan's served share. Also: the
 * internals are not importable (package.json `exports`), and the `chokepoint` command is installed.
 *
 * Offline: the install is `npm ci --offline` from a lockfile written here from the project's own lockfile
 * (its production entries, whose tarballs `npm ci` of the project put in npm's cache), so no registry is asked.
 * The project's `overrides` are copied too: npm applies them only at the root. Needs the build (`npm test`
 * builds first; `npm pack --ignore-scripts` packs dist/ as it is). About 20-30 s, most of it `npm ci`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../src/analysis/analyze.js";
import { servedDemand } from "../src/flow/served-demand.js";
import { loadBundledGraph } from "../src/io/bundled.js";
import { loadScenario } from "../src/io/load-scenario.js";
import { applyScenario } from "../src/scenario/apply-scenario.js";
import { buildScenario } from "../src/scenario/build-scenario.js";
import { composeScenarios } from "../src/scenario/compose.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const app = mkdtempSync(join(tmpdir(), "chokepoint-app-"));
afterAll(() => rmSync(app, { recursive: true, force: true }));

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
}

/** Pack the project into `app/` and write the app's package.json and lockfile around the tarball. */
function prepareApp(): void {
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", app], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tgz = (JSON.parse(packed) as Array<{ filename: string }>)[0]!.filename;
  const root = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const integrity = `sha512-${createHash("sha512")
    .update(readFileSync(join(app, tgz)))
    .digest("base64")}`;
  const dependencies = { chokepoint: `file:${tgz}` };
  const packages: Record<string, unknown> = {
    "": { name: "app", dependencies },
    "node_modules/chokepoint": {
      version: root.version,
      resolved: `file:${tgz}`,
      integrity,
      license: root.license,
      dependencies: root.dependencies,
      bin: root.bin,
      engines: root.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages as Record<string, LockEntry>))
    if (path !== "" && !entry.dev && !entry.devOptional && !entry.optional) packages[path] = entry;
  const pkg = { name: "app", private: true, type: "module", dependencies, overrides: root.overrides };
  writeFileSync(join(app, "package.json"), JSON.stringify(pkg, null, 2));
  writeFileSync(
    join(app, "package-lock.json"),
    JSON.stringify({ name: "app", lockfileVersion: 3, packages }),
  );
  execFileSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: app,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** What every script prints: cut-off consumers and Japan's served share under no-china + a Lynas outage. */
const SCRIPT_BODY = `
const graph = loadBundledGraph("rare-earths-2025");
const lynas = buildScenario({ name: "lynas-down", remove: ["operator=Lynas Rare Earths"] });
const scenario = applyScenario(graph, composeScenarios([loadScenario("no-china"), lynas]));
const result = analyze(graph, scenario);
`;
const NAMES =
  "analyze, applyScenario, buildScenario, composeScenarios, loadBundledGraph, loadScenario, servedDemand";

function node(args: string[]): string {
  const r = spawnSync(process.execPath, args, { cwd: app, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout.trim();
}

describe("the packed package, installed in an empty folder", () => {
  let expected = "";
  beforeAll(async () => {
    prepareApp();
    const graph = loadBundledGraph("rare-earths-2025");
    const lynas = buildScenario({ name: "lynas-down", remove: ["operator=Lynas Rare Earths"] });
    const scenario = applyScenario(graph, composeScenarios([loadScenario("no-china"), lynas]));
    const flow = await servedDemand(graph, scenario);
    expected = `${analyze(graph, scenario).unsupplied.length} cut off; Japan served ${flow.countries.JP!.fraction}`;
  }, 180_000);

  it("runs a JavaScript ESM script importing from chokepoint", () => {
    writeFileSync(
      join(app, "script.mjs"),
      `import { ${NAMES} } from "chokepoint";\n${SCRIPT_BODY}const flow = await servedDemand(graph, scenario);\n` +
        "console.log(result.unsupplied.length + ' cut off; Japan served ' + flow.countries.JP.fraction);\n",
    );
    expect(node(["script.mjs"])).toBe(expected);
  });

  it("type-checks and runs the same script in TypeScript, with the package's types", () => {
    const ts =
      `import { ${NAMES}, type ServedDemand } from "chokepoint";\n${SCRIPT_BODY}` +
      "const flow: ServedDemand = await servedDemand(graph, scenario);\n" +
      "const japan: number | undefined = flow.countries.JP?.fraction;\n" +
      "console.log(result.unsupplied.length + ' cut off; Japan served ' + japan);\n";
    writeFileSync(join(app, "script.ts"), ts);
    // A wrong type must fail: the types are real, not `any`.
    writeFileSync(
      join(app, "wrong.ts"),
      `import { loadBundledGraph } from "chokepoint";\nconst n: string = loadBundledGraph().order;\n`,
    );
    const options = {
      target: "ES2022",
      lib: ["ES2023", "DOM"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      skipLibCheck: true,
      types: [],
      outDir: "out",
    };
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: options, files: ["script.ts"] }),
    );
    writeFileSync(
      join(app, "tsconfig.wrong.json"),
      JSON.stringify({ compilerOptions: options, files: ["wrong.ts"] }),
    );
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    node([tsc, "-p", "tsconfig.json"]);
    const wrong = spawnSync(process.execPath, [tsc, "-p", "tsconfig.wrong.json"], {
      cwd: app,
      encoding: "utf8",
    });
    expect(wrong.stdout).toContain("TS2322");
    expect(node(["out/script.js"])).toBe(expected);
  });

  it("works from CommonJS with require (Node.js 20.19 and later load ES modules that way)", () => {
    writeFileSync(
      join(app, "script.cjs"),
      `const { ${NAMES} } = require("chokepoint");\n${SCRIPT_BODY}` +
        "servedDemand(graph, scenario).then((flow) =>\n  console.log(result.unsupplied.length + ' cut off; Japan served ' + flow.countries.JP.fraction));\n",
    );
    expect(node(["script.cjs"])).toBe(expected);
  });

  it("keeps the internals private", () => {
    writeFileSync(
      join(app, "deep.mjs"),
      'await import("chokepoint/dist/src/io/bundled.js").then(() => console.log("imported"), (e) => console.log(e.code));\n',
    );
    expect(node(["deep.mjs"])).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
  });

  it("installs the chokepoint command, with the bundled data", () => {
    const bin = join(app, "node_modules/chokepoint/bin/chokepoint.js");
    expect(node([bin, "validate", "node_modules/chokepoint/graphs/rare-earths-2025.json"])).toMatch(
      /: valid \(/,
    );
  });
});
