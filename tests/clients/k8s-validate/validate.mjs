// Renders a kustomization of deploy/ (see kustomize.mjs), validates every object against the Kubernetes OpenAPI
// schemas (kubernetes-models: types, formats, enums and required fields of the Kubernetes 1.3x API) and asserts what
// the engine needs. Usage: node validate.mjs <kustomization directory> <expected Engine__Dialect>.
// Prints one JSON line (the kinds rendered) and exits 0, or prints every problem and exits 1.
import { render } from "./kustomize.mjs";

const [directory, dialect] = process.argv.slice(2);
const problems = [];
const check = (condition, message) => {
  if (!condition) {
    problems.push(message);
  }
};

const objects = render(directory);
for (const object of objects) {
  const where = `${object.kind}/${object.metadata?.name}`;
  const group = object.apiVersion.includes("/") ? object.apiVersion : `v1`;
  let Model;
  try {
    Model = (await import(`kubernetes-models/${group}/${object.kind}`))[object.kind];
  } catch {
    problems.push(`${where}: ${object.apiVersion} ${object.kind} is not a Kubernetes API type`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(`${where}: ${error.message}`);
  }
  check(typeof object.metadata?.name === "string" && object.metadata.name.length > 0, `${where}: metadata.name is required`);
}

const find = (kind) => objects.find((o) => o.kind === kind);
const deployment = find("Deployment");
const service = find("Service");
const config = find("ConfigMap");
const secret = find("Secret");
const hpa = find("HorizontalPodAutoscaler");
const pdb = find("PodDisruptionBudget");
for (const [kind, object] of Object.entries({ deployment, service, config, secret, hpa, pdb })) {
  check(object, `no ${kind} rendered`);
}

if (deployment && service && config && secret && hpa && pdb) {
  const labels = deployment.spec.selector.matchLabels;
  const matches = (selector) => Object.entries(selector ?? {}).every(([k, v]) => deployment.spec.template.metadata.labels[k] === v);
  check(deployment.spec.replicas === 3, "Deployment: 3 replicas");
  check(matches(labels), "Deployment: the selector matches the pod template's labels");
  check(matches(service.spec.selector), "Service: the selector matches the pods");
  check(matches(pdb.spec.selector.matchLabels), "PodDisruptionBudget: the selector matches the pods");
  check(hpa.spec.scaleTargetRef.kind === "Deployment" && hpa.spec.scaleTargetRef.name === deployment.metadata.name, "HPA: targets the Deployment");
  check(hpa.spec.minReplicas >= 2 && hpa.spec.maxReplicas >= hpa.spec.minReplicas, "HPA: at least 2 replicas, max >= min");
  check(pdb.spec.minAvailable < hpa.spec.minReplicas, "PodDisruptionBudget: lets a node drain (minAvailable below the minimum replicas)");

  const pod = deployment.spec.template.spec;
  const [container] = pod.containers;
  const ports = Object.fromEntries(container.ports.map((p) => [p.name, p.containerPort]));
  check(ports.http === 8080 && ports.grpc === 8081, "container: ports http 8080 and grpc 8081");
  check(container.livenessProbe?.httpGet?.path === "/healthz" && container.livenessProbe.httpGet.port === "http", "container: liveness probe GET /healthz");
  check(container.readinessProbe?.httpGet?.path === "/readyz" && container.readinessProbe.httpGet.port === "http", "container: readiness probe GET /readyz");
  check(container.resources?.requests?.cpu && container.resources?.requests?.memory && container.resources?.limits?.memory, "container: cpu and memory requests, memory limit");
  check(pod.securityContext?.runAsNonRoot === true && pod.securityContext.runAsUser > 0, "pod: runs as a non-root user");
  check(container.securityContext?.allowPrivilegeEscalation === false, "container: no privilege escalation");
  check(container.securityContext?.capabilities?.drop?.includes("ALL"), "container: drops all capabilities");
  check(pod.terminationGracePeriodSeconds > Number(config.data.Engine__ShutdownTimeoutSeconds), "pod: the grace period outlasts Engine__ShutdownTimeoutSeconds");
  const envFrom = container.envFrom ?? [];
  check(envFrom.some((e) => e.configMapRef?.name === config.metadata.name), "container: environment from the ConfigMap");
  check(envFrom.some((e) => e.secretRef?.name === secret.metadata.name), "container: environment from the Secret");
  for (const mount of container.volumeMounts ?? []) {
    check(pod.volumes?.some((v) => v.name === mount.name), `container: volume ${mount.name} is defined`);
  }
  check(!container.image.startsWith("engine:"), "container: the overlay sets the image");

  const servicePorts = Object.fromEntries(service.spec.ports.map((p) => [p.name, p]));
  check(servicePorts.http?.port === 8080 && servicePorts.http.targetPort === "http", "Service: http 8080 to the http port");
  check(servicePorts.grpc?.port === 8081 && servicePorts.grpc.targetPort === "grpc", "Service: grpc 8081 to the grpc port");
  check(servicePorts.grpc?.appProtocol === "kubernetes.io/h2c", "Service: grpc has appProtocol kubernetes.io/h2c");

  check(config.data.Engine__Dialect === dialect, `ConfigMap: Engine__Dialect is ${dialect} (found ${config.data.Engine__Dialect})`);
  check(/^nats:\/\//.test(config.data.Nats__Url ?? ""), "ConfigMap: Nats__Url references NATS JetStream");
  for (const [key, value] of Object.entries(config.data)) {
    check(typeof value === "string", `ConfigMap: ${key} is a string`);
  }
  const secretData = secret.stringData ?? {};
  check(typeof secretData.ConnectionStrings__Engine === "string", "Secret: ConnectionStrings__Engine");
  check(dialect !== "cockroach" || secretData.ConnectionStrings__Engine.includes("26257"), "Secret: the cockroach overlay points at CockroachDB (26257)");
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(JSON.stringify({ rendered: objects.map((o) => `${o.kind}/${o.metadata.name}`) }));
