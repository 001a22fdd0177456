// The subset of kustomize that deploy/ uses, so the overlays can be rendered without the kustomize binary:
// resources (files and directories with a kustomization.yaml), images (newName/newTag) and patches given by path
// (strategic merge of maps by kind and name; lists in a patch replace the target's). Anything else is refused, so a
// kustomization that starts using more fails here instead of rendering something kustomize would not.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const supported = new Set(["apiVersion", "kind", "resources", "images", "patches"]);

export function readYaml(file) {
  const documents = parseAllDocuments(readFileSync(file, "utf8"));
  for (const document of documents) {
    if (document.errors.length > 0) {
      throw new Error(`${file}: ${document.errors[0].message}`);
    }
  }
  return documents.map((d) => d.toJS()).filter((d) => d !== null);
}

export function render(directory) {
  const file = join(directory, "kustomization.yaml");
  const [kustomization] = readYaml(file);
  for (const key of Object.keys(kustomization)) {
    if (!supported.has(key)) {
      throw new Error(`${file}: "${key}" is not in the kustomize subset this renderer implements`);
    }
  }
  const objects = [];
  for (const resource of kustomization.resources ?? []) {
    const path = join(directory, resource);
    objects.push(...(statSync(path).isDirectory() ? render(path) : readYaml(path)));
  }
  for (const image of kustomization.images ?? []) {
    for (const container of objects.flatMap(containersOf)) {
      const [name, tag] = container.image.split(":");
      if (name === image.name) {
        container.image = `${image.newName ?? name}:${image.newTag ?? tag ?? "latest"}`;
      }
    }
  }
  for (const patch of kustomization.patches ?? []) {
    if (typeof patch.path !== "string" || Object.keys(patch).length !== 1) {
      throw new Error(`${file}: only patches given by "path" are implemented`);
    }
    for (const document of readYaml(join(directory, patch.path))) {
      const target = objects.find((o) => o.kind === document.kind && o.metadata?.name === document.metadata?.name);
      if (!target) {
        throw new Error(`${join(directory, patch.path)}: no ${document.kind} "${document.metadata?.name}" to patch`);
      }
      merge(target, document);
    }
  }
  return objects;
}

function containersOf(object) {
  const pod = object.spec?.template?.spec;
  return pod ? [...(pod.initContainers ?? []), ...(pod.containers ?? [])] : [];
}

function merge(target, patch) {
  for (const [key, value] of Object.entries(patch)) {
    if (isMap(value) && isMap(target[key])) {
      merge(target[key], value);
    } else {
      target[key] = value;
    }
  }
}

function isMap(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

