// The server's URL and the output paths come from the test that runs this (CodegenTests).
module.exports = {
  overwrite: true,
  schema: process.env.CONSORTIUMGRAPH_URL,
  generates: {
    [process.env.CONSORTIUMGRAPH_TYPES]: { plugins: ["typescript"], config: { scalars: { Date: "string", DateTime: "string", Decimal: "string" } } },
    // A front end's own operations, typed, with the manifest of trusted documents the server accepts (GraphQL:PersistedDocuments).
    [process.env.CONSORTIUMGRAPH_CLIENT]: {
      preset: "client",
      documents: ["documents/*.graphql"],
      presetConfig: { persistedDocuments: { hashAlgorithm: "sha256" } },
      config: { scalars: { Date: "string", DateTime: "string", Decimal: "string" } },
    },
  },
};
