// Prints, as one JSON object, graphql-js's introspection query for every combination of its options:
// what graphql-codegen, Apollo's tooling, Relay's compiler and GraphiQL send to a server.
import { getIntrospectionQuery } from "graphql";

const options = ["descriptions", "specifiedByUrl", "directiveIsRepeatable", "schemaDescription", "inputValueDeprecation", "oneOf"];
const queries = {};
for (let mask = 0; mask < 1 << options.length; mask++) {
  const chosen = Object.fromEntries(options.map((option, i) => [option, (mask & (1 << i)) !== 0]));
  const name = options.filter((_, i) => (mask & (1 << i)) !== 0).join("+") || "none";
  queries[name] = getIntrospectionQuery(chosen);
}
process.stdout.write(JSON.stringify(queries));
