// A small, self-hosted OpenAPI reader (FastAPI's Swagger UI would load from a CDN).
"use strict";

(function () {
  const main = document.getElementById("api");

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function resolve(spec, schema, depth) {
    if (!schema || typeof schema !== "object" || depth > 6) return schema;
    if (schema.$ref) {
      const name = schema.$ref.split("/").pop();
      const target = (spec.components && spec.components.schemas && spec.components.schemas[name]) || {};
      return resolve(spec, target, depth + 1);
    }
    if (Array.isArray(schema)) return schema.map((s) => resolve(spec, s, depth + 1));
    const out = {};
    for (const [k, v] of Object.entries(schema)) out[k] = typeof v === "object" ? resolve(spec, v, depth + 1) : v;
    return out;
  }

  function schemaBlock(spec, schema) {
    const pre = el("pre", JSON.stringify(resolve(spec, schema, 0), null, 2), "schema");
    pre.tabIndex = 0;
    return pre;
  }

  fetch("/openapi.json")
    .then((r) => r.json())
    .then((spec) => {
      main.replaceChildren();
      main.append(el("p", (spec.info.description || "") + " Version " + spec.info.version + "."));
      for (const [path, ops] of Object.entries(spec.paths || {})) {
        for (const [method, op] of Object.entries(ops)) {
          const section = el("section");
          section.append(el("h2", method.toUpperCase() + " " + path));
          if (op.summary) section.append(el("p", op.summary));
          for (const p of op.parameters || []) {
            section.append(el("p", "Query parameter " + p.name + " (" + ((p.schema && p.schema.type) || "any") + ")" + (p.required ? ", required" : ", optional")));
          }
          const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
          if (body) {
            section.append(el("h3", "Request body (application/json)"));
            section.append(schemaBlock(spec, body.schema));
          }
          section.append(el("h3", "Responses"));
          const list = el("ul");
          for (const [code, resp] of Object.entries(op.responses || {})) {
            const li = el("li");
            li.append(el("strong", code), document.createTextNode(" " + (resp.description || "")));
            const json = resp.content && resp.content["application/json"];
            if (json && json.schema && code === "200" && path.startsWith("/api/summarize")) {
              const d = el("details");
              d.append(el("summary", "schema"), schemaBlock(spec, json.schema));
              li.append(d);
            }
            list.append(li);
          }
          section.append(list);
          main.append(section);
        }
      }
    })
    .catch((e) => {
      main.replaceChildren(el("p", "Could not load /openapi.json: " + e));
    });
})();
