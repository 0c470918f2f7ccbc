// The server's URL and the output file come from the test that runs this (CodegenTests).
module.exports = {
  overwrite: true,
  schema: process.env.CONSORTIUMGRAPH_URL,
  generates: {
    [process.env.CONSORTIUMGRAPH_TYPES]: { plugins: ["typescript"], config: { scalars: { Date: "string", DateTime: "string", Decimal: "string" } } },
  },
};
