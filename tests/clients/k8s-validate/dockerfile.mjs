// Lints the Dockerfile with dockerfilelint and asserts the image's essentials (there is no Docker engine to build it
// here). Usage: node dockerfile.mjs <Dockerfile>. Prints "ok" and exits 0, or prints every problem and exits 1.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const lint = require("dockerfilelint");
const file = process.argv[2];
const text = readFileSync(file, "utf8");
const problems = lint.run(file, text).map((item) => `dockerfilelint line ${item.line}: ${item.title} (${item.category})`);
const check = (condition, message) => {
  if (!condition) {
    problems.push(message);
  }
};

// Instructions with their continuation lines joined, comments dropped.
const instructions = text
  .replace(/\\\r?\n/g, " ")
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line.length > 0 && !line.startsWith("#"))
  .map((line) => {
    const [, keyword, rest] = /^(\S+)\s*(.*)$/.exec(line);
    return { keyword: keyword.toUpperCase(), args: rest };
  });
const stages = [];
for (const instruction of instructions) {
  if (instruction.keyword === "FROM") {
    const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(instruction.args);
    stages.push({ image, name, instructions: [] });
  } else {
    check(stages.length > 0, `${instruction.keyword} before the first FROM`);
    stages.at(-1)?.instructions.push(instruction);
  }
}
const named = (name) => stages.find((s) => s.name === name);
const has = (stage, keyword, pattern) => stage?.instructions.some((i) => i.keyword === keyword && pattern.test(i.args));

const node = stages.find((s) => s.image.startsWith("node:"));
const sdk = stages.find((s) => s.image.startsWith("mcr.microsoft.com/dotnet/sdk:10.0"));
const runtime = stages.at(-1);
check(node, "a Node stage builds the admin designer");
check(has(node, "RUN", /npm ci/) && has(node, "RUN", /npm run build/), "the Node stage runs npm ci and npm run build");
check(sdk, "an SDK 10.0 stage publishes the engine");
check(has(sdk, "RUN", /dotnet publish\s+engine\/Engine\.Host\/Engine\.Host\.csproj/), "the SDK stage publishes Engine.Host");
check(runtime?.image === "mcr.microsoft.com/dotnet/aspnet:10.0", "the final stage is mcr.microsoft.com/dotnet/aspnet:10.0");
check(has(runtime, "COPY", new RegExp(`--from=${sdk?.name}\\s`)), "the runtime copies the published engine");
check(has(runtime, "COPY", new RegExp(`--from=${node?.name}\\s+\\S*dist\\s+\\./admin-designer/?$`)), "the runtime copies the designer's dist to /app/admin-designer");
check(has(runtime, "WORKDIR", /^\/app$/), "the runtime works in /app");
check(has(runtime, "ENV", /Engine__AdminDesignerPath=\/app\/admin-designer/), "ENV Engine__AdminDesignerPath=/app/admin-designer");
check(has(runtime, "EXPOSE", /^8080 8081$/), "EXPOSE 8080 8081");
check(has(runtime, "HEALTHCHECK", /\/healthz/), "a HEALTHCHECK asks /healthz");
const user = runtime?.instructions.filter((i) => i.keyword === "USER").at(-1);
check(user && !/^(root|0)(:|$)/.test(user.args), "the runtime runs as a non-root user");
check(has(runtime, "ENTRYPOINT", /"dotnet", "Engine\.Host\.dll"/), "the entry point runs Engine.Host.dll");

const ignore = readFileSync(file.replace(/Dockerfile$/, ".dockerignore"), "utf8").split(/\r?\n/);
for (const entry of ["**/bin", "**/obj", "**/node_modules", ".git"]) {
  check(ignore.includes(entry), `.dockerignore leaves out ${entry}`);
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("ok");
