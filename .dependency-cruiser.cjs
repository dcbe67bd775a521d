/** Layer rules from DESIGN.md: imports point down only, no cycles. */
const layer = (name, allowed) => ({
  name: `${name}-imports-down-only`,
  severity: "error",
  from: { path: `^src/${name}/` },
  to: { path: "^src/", pathNot: [`^src/${name}/`, ...allowed.map((l) => `^src/${l}/`)] },
});

module.exports = {
  forbidden: [
    layer("domain", []),
    layer("analytics", ["domain"]),
    layer("exchange", ["domain"]),
    layer("store", ["domain"]),
    layer("server", ["analytics", "store", "exchange", "domain"]),
    layer("cli", ["server", "analytics", "store", "exchange", "domain"]),
    layer("web", ["domain"]),
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.test\\.tsx?$" },
  },
};
