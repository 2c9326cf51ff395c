// Renders /openapi.json as a readable reference: every route with its parameters, body, answers and errors,
// then every schema. Written for this project; no libraries.
"use strict";

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
};

// A schema as compact pseudo-JSON, following $ref to its name (linked) rather than inlining it.
function describe(schema, indent = "") {
  if (!schema) return "any";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.oneOf) return schema.oneOf.map((s) => describe(s, indent)).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  if (type === "array" || (Array.isArray(schema.type) && schema.type.includes("array"))) return `[${describe(schema.items, indent)}]`;
  if (schema.properties) {
    const required = new Set(schema.required || []);
    const lines = Object.entries(schema.properties).map(([name, property]) => {
      const notes = [];
      if (property.enum) notes.push(`one of ${property.enum.join(", ")}`);
      if (property.minimum !== undefined) notes.push(`>= ${property.minimum}`);
      if (property.maximum !== undefined) notes.push(`<= ${property.maximum}`);
      if (property.pattern) notes.push(`pattern ${property.pattern}`);
      if (property.description) notes.push(property.description);
      const comment = notes.length ? `  // ${notes.join("; ")}` : "";
      return `${indent}  ${name}${required.has(name) ? "" : "?"}: ${describe(property, indent + "  ")}${comment}`;
    });
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  if (schema.additionalProperties) return `{ string: ${describe(schema.additionalProperties, indent)} }`;
  return type || "any";
}

function responseSchema(response, doc) {
  if (response.$ref) response = doc.components.responses[response.$ref.split("/").pop()];
  const [type, media] = Object.entries(response.content || {})[0] || [];
  return { description: response.description, type, schema: media ? media.schema : undefined };
}

function render(doc) {
  document.getElementById("intro").textContent = `${doc.info.title} ${doc.info.version}. ${doc.info.description}`;
  const toc = document.getElementById("toc");
  const operations = document.getElementById("operations");
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const id = op.operationId || `${method}-${path}`;
      toc.append(el("a", { href: `#${id}` }, `${method.toUpperCase()} ${path}`));
      const section = el("section", { class: "op", id });
      const title = el("h3", {}, el("span", { class: `method ${method}` }, method.toUpperCase()), el("code", {}, path), ` ${op.summary || ""}`);
      if (op.security) title.append(el("span", { class: "lock" }, `token: ${op.security.flatMap(Object.keys).join(" or ")}`));
      section.append(title);
      if (op.description) section.append(el("p", {}, op.description));
      if (op.parameters && op.parameters.length) {
        const table = el("table", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "type"), el("th", {}, "meaning")));
        for (const parameter of op.parameters) {
          const schema = parameter.schema || {};
          const type = schema.enum ? schema.enum.join(" | ") : `${schema.type}${schema.minimum !== undefined ? ` ${schema.minimum}…${schema.maximum ?? ""}` : ""}`;
          table.append(el("tr", {}, el("td", {}, el("code", {}, parameter.name)), el("td", {}, parameter.in), el("td", {}, type), el("td", {}, parameter.description || "")));
        }
        section.append(el("h4", {}, "Parameters"), table);
      }
      if (op.requestBody) {
        const [type, media] = Object.entries(op.requestBody.content)[0];
        section.append(el("h4", {}, `Body (${type}${op.requestBody.required ? "" : ", optional"})`), el("pre", { class: "schema" }, describe(media.schema)));
      }
      section.append(el("h4", {}, "Answers"));
      const answers = el("table", {});
      for (const [status, response] of Object.entries(op.responses)) {
        const { description, type, schema } = responseSchema(response, doc);
        answers.append(el("tr", {}, el("td", {}, el("code", {}, status)), el("td", {}, description), el("td", {}, type ? `${type}: ${describe(schema)}` : "")));
      }
      section.append(answers);
      operations.append(section);
    }
  }
  const schemas = document.getElementById("schemas");
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    const section = el("section", { class: "op", id: `schema-${name}` }, el("h3", {}, name));
    if (schema.description) section.append(el("p", {}, schema.description));
    section.append(el("pre", { class: "schema" }, describe(schema)));
    schemas.append(section);
  }
}

fetch("/openapi.json")
  .then((response) => response.json())
  .then(render)
  .catch((error) => { document.getElementById("intro").textContent = `Could not load /openapi.json: ${error}`; });
