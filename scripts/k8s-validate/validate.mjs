// Offline schema and policy checks for the rendered Kiban manifests (called by scripts/k8s-check.sh).
//
//   node validate.mjs --services "asset maintenance backup lifecycle" \
//                     --env production=rendered-prod.yaml --env staging=rendered-staging.yaml \
//                     [--variant production-native=rendered.yaml] [--schema-only file.yaml ...]
//
// --services: the suite's services, KIBAN_SERVICES of scripts/lib.sh (k8s-check.sh passes them; required).
//
// 1. Schema: every object is validated against the Kubernetes API schema (kubernetes-models), the
//    Prometheus Operator CRD schema (@kubernetes-models/prometheus-operator) or the Gateway API CRD
//    schema (@kubernetes-models/gateway-api); an object whose
//    apiVersion/kind has no schema fails. Unknown fields fail too: the generated validators ignore
//    properties they do not know, so every field is probed with a value of no JSON type — a field
//    the schema knows then reports a type error at its path, an unknown one reports nothing.
// 2. Policy (--env and --variant files): see the checks below. Exit code 1 on any violation.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const SERVICES = servicesArgument().map((s) => `${s}-service`); // their workloads: <name>-service
const CONSOLE = "console"; // the JPO console (issue #17): pages, no database
const HA = [...SERVICES, CONSOLE, "keycloak"]; // two replicas, spread and a PDB in production
const NAMESPACES = { production: "kiban-prod", staging: "kiban-staging" };
const EXTRA_NAMESPACES = ["velero"]; // backup-service's Role for Velero lives there
const INTERNAL_REGISTRY = "registry.kiban.internal/";
const TOKEN_MOUNTERS = new Set(["backup-service"]); // the only pods that talk to the Kubernetes API

const args = process.argv.slice(2);
const inputs = []; // {label, env, file, policy}
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--env" || a === "--variant") {
    const [label, file] = args[++i].split("=");
    const env = label.split("-")[0];
    if (!NAMESPACES[env]) fail(`unknown environment in ${label}`);
    inputs.push({ label, env, file, policy: true });
  } else if (a === "--services") {
    i++; // read by servicesArgument()
  } else if (a === "--schema-only") {
    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
      const file = args[++i];
      inputs.push({ label: file, env: null, file, policy: false });
    }
  } else {
    fail(`unknown argument ${a}`);
  }
}
if (!inputs.length) fail("nothing to validate");

function fail(msg) {
  console.error(`k8s-validate: ${msg}`);
  process.exit(2);
}

// --services "asset maintenance …": the one list of scripts/lib.sh (KIBAN_SERVICES), never repeated here
function servicesArgument() {
  const at = process.argv.indexOf("--services");
  const names = at < 0 ? [] : (process.argv[at + 1] ?? "").split(/[\s,]+/).filter(Boolean);
  if (!names.length) fail('--services "<names>" is required: the services of scripts/lib.sh (KIBAN_SERVICES; scripts/k8s-check.sh passes them)');
  return names;
}

// ---------------------------------------------------------------- schema
const modelCache = new Map();
async function modelFor(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (modelCache.has(key)) return modelCache.get(key);
  let spec;
  if (!apiVersion || !kind) spec = null;
  else if (apiVersion.startsWith("monitoring.coreos.com/")) spec = `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}`;
  else if (apiVersion.startsWith("gateway.networking.k8s.io/")) spec = `@kubernetes-models/gateway-api/${apiVersion}/${kind}`;
  else if (!apiVersion.includes("/")) spec = `kubernetes-models/${apiVersion}/${kind}`;
  else spec = `kubernetes-models/${apiVersion}/${kind}`;
  let cls = null;
  if (spec) {
    try {
      const mod = await import(spec);
      cls = mod[kind] ?? null;
    } catch {
      cls = null;
    }
  }
  modelCache.set(key, cls);
  return cls;
}

function validationErrors(cls, obj) {
  try {
    new cls(obj).validate();
    return [];
  } catch (e) {
    if (e && Array.isArray(e.errors)) return e.errors;
    throw e;
  }
}

const PROBE = Symbol("unknown-field-probe");
const escapePointer = (k) => String(k).replace(/~/g, "~0").replace(/\//g, "~1");

// Walks the object; for every property of every nested object, replaces the value by PROBE and
// checks that the schema complains at that path (it knows the field) — restores it afterwards.
function unknownFields(cls, root) {
  const unknown = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${path}/${i}`));
      return;
    }
    if (!node || typeof node !== "object") return;
    for (const key of Object.keys(node)) {
      const p = `${path}/${escapePointer(key)}`;
      const saved = node[key];
      node[key] = PROBE;
      const errs = validationErrors(cls, root);
      node[key] = saved;
      const known = errs.some((e) => e.instancePath === p || e.instancePath.startsWith(p + "/"));
      if (!known) unknown.push(p);
      else walk(saved, p);
    }
  };
  walk(root, "");
  return unknown;
}

// ---------------------------------------------------------------- policy helpers
const violations = [];
let checks = 0;
function check(ok, label, msg) {
  if (ok) checks++;
  else violations.push(`${label}: ${msg}`);
}

const matches = (selector, labels) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

function podTemplate(o) {
  if (["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"].includes(o.kind)) return o.spec?.template;
  if (o.kind === "CronJob") return o.spec?.jobTemplate?.spec?.template;
  if (o.kind === "Pod") return o;
  return null;
}

const secretish = /(PASSWORD|SECRET|TOKEN|HMAC|PRIVATE|CREDENTIAL|_KEY$)/i;

function policy(label, env, objs) {
  const ns = NAMESPACES[env];
  const id = (o) => `${label} ${o.kind}/${o.metadata?.namespace ?? "-"}/${o.metadata?.name}`;
  const byKind = (k) => objs.filter((o) => o.kind === k);
  const configMaps = new Set(byKind("ConfigMap").map((o) => o.metadata.name));
  const pvcs = new Set(byKind("PersistentVolumeClaim").map((o) => o.metadata.name));
  const services = new Map(byKind("Service").map((o) => [o.metadata.name, o]));
  const workloads = objs.filter((o) => podTemplate(o));
  const longRunning = workloads.filter((o) => ["Deployment", "StatefulSet"].includes(o.kind));
  const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "StorageClass", "PersistentVolume",
    "CustomResourceDefinition", "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"]);

  // names and namespaces
  const seen = new Set();
  for (const o of objs) {
    const name = o.metadata?.name ?? "";
    check(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) && name.length <= 253, id(o), "invalid metadata.name");
    const key = `${o.apiVersion}/${o.kind}/${o.metadata?.namespace}/${name}`;
    check(!seen.has(key), id(o), "duplicate object");
    seen.add(key);
    if (clusterScoped.has(o.kind)) {
      check(o.kind === "Namespace", id(o), "cluster-scoped object (nothing cluster-wide is allowed besides the Namespace)");
    } else {
      const n = o.metadata?.namespace;
      check(n === ns || EXTRA_NAMESPACES.includes(n), id(o), `namespace must be ${ns} (or velero), is ${n}`);
    }
    check(o.metadata?.labels?.["app.kubernetes.io/part-of"] === "kiban", id(o), "label app.kubernetes.io/part-of=kiban missing");
  }
  check(objs.some((o) => o.kind === "Namespace" && o.metadata.name === ns), label, `Namespace ${ns} missing`);

  // workloads: probes, resources, security, images, tokens, references
  for (const o of workloads) {
    const t = podTemplate(o);
    const spec = t.spec ?? {};
    const podSc = spec.securityContext ?? {};
    const name = o.metadata.name;
    const appName = t.metadata?.labels?.["app.kubernetes.io/name"] ?? name;
    const exemptRo = t.metadata?.annotations?.["kiban.io/readonly-rootfs-exempt"];
    const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
    check(containers.length > 0, id(o), "no containers");
    check(spec.serviceAccountName && spec.serviceAccountName !== "default", id(o), "own ServiceAccount required");
    check(spec.hostNetwork !== true && spec.hostPID !== true && spec.hostIPC !== true, id(o), "host namespaces are forbidden");
    check(!(spec.volumes ?? []).some((v) => v.hostPath), id(o), "hostPath volumes are forbidden");
    if (TOKEN_MOUNTERS.has(appName)) check(spec.automountServiceAccountToken !== false, id(o), "backup-service needs its token");
    else check(spec.automountServiceAccountToken === false, id(o), "automountServiceAccountToken must be false");
    check(podSc.runAsUser !== 0, id(o), "pod runAsUser 0");
    for (const c of containers) {
      const cid = `${id(o)} container ${c.name}`;
      const sc = c.securityContext ?? {};
      const image = c.image ?? "";
      const lastSegment = image.split("/").pop();
      const tagged = image.includes("@sha256:") || /:[^:]+$/.test(lastSegment);
      check(tagged, cid, `image ${image} has no tag`);
      check(!/:latest$/.test(image), cid, `image ${image} uses :latest`);
      check(image.startsWith(INTERNAL_REGISTRY), cid, `image ${image} is not from the internal registry ${INTERNAL_REGISTRY}`);
      check((sc.runAsNonRoot ?? podSc.runAsNonRoot) === true, cid, "runAsNonRoot must be true");
      check((sc.runAsUser ?? podSc.runAsUser) !== 0, cid, "runAsUser 0");
      check(sc.allowPrivilegeEscalation === false, cid, "allowPrivilegeEscalation must be false");
      check(sc.privileged !== true, cid, "privileged");
      check((sc.capabilities?.drop ?? []).includes("ALL"), cid, "capabilities must drop ALL");
      check(!(sc.capabilities?.add ?? []).length, cid, "no added capabilities");
      check((sc.seccompProfile?.type ?? podSc.seccompProfile?.type) === "RuntimeDefault", cid, "seccompProfile RuntimeDefault");
      check(sc.readOnlyRootFilesystem === true || !!exemptRo, cid, "readOnlyRootFilesystem must be true (or the pod annotated kiban.io/readonly-rootfs-exempt)");
      const r = c.resources ?? {};
      check(r.requests?.cpu && r.requests?.memory, cid, "resources.requests cpu and memory required");
      check(r.limits?.cpu && r.limits?.memory, cid, "resources.limits cpu and memory required");
      if (["Deployment", "StatefulSet"].includes(o.kind) && (spec.containers ?? []).includes(c)) {
        check(!!c.livenessProbe, cid, "livenessProbe required");
        check(!!c.readinessProbe, cid, "readinessProbe required");
      }
      for (const e of c.env ?? []) {
        if (secretish.test(e.name)) check(e.value === undefined, cid, `env ${e.name} carries a literal value (use secretKeyRef)`);
        const cmk = e.valueFrom?.configMapKeyRef?.name;
        if (cmk) check(configMaps.has(cmk), cid, `env ${e.name}: ConfigMap ${cmk} not rendered`);
      }
      for (const ef of c.envFrom ?? []) {
        if (ef.configMapRef) check(configMaps.has(ef.configMapRef.name), cid, `envFrom ConfigMap ${ef.configMapRef.name} not rendered`);
      }
    }
    const volNames = (spec.volumes ?? []).map((v) => v.name);
    check(new Set(volNames).size === volNames.length, id(o), `duplicate volume names: ${volNames.join(", ")}`);
    for (const c of containers) {
      const paths = (c.volumeMounts ?? []).map((m) => m.mountPath);
      check(new Set(paths).size === paths.length, `${id(o)} container ${c.name}`, `duplicate mountPaths: ${paths.join(", ")}`);
      const envNames = (c.env ?? []).map((e) => e.name);
      check(new Set(envNames).size === envNames.length, `${id(o)} container ${c.name}`, `duplicate env names: ${envNames.join(", ")}`);
    }
    const claimTemplates = new Set((o.spec?.volumeClaimTemplates ?? []).map((v) => v.metadata.name));
    const mounted = new Set(containers.flatMap((c) => (c.volumeMounts ?? []).map((m) => m.name)));
    const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
    for (const m of mounted) check(volumes.has(m) || claimTemplates.has(m), id(o), `volumeMount ${m} has no volume`);
    for (const v of spec.volumes ?? []) {
      if (v.configMap) check(configMaps.has(v.configMap.name), id(o), `volume ConfigMap ${v.configMap.name} not rendered`);
      if (v.persistentVolumeClaim) check(pvcs.has(v.persistentVolumeClaim.claimName), id(o), `PVC ${v.persistentVolumeClaim.claimName} not rendered`);
    }
  }

  // long-running workloads: replicas, spread, PDB
  for (const s of HA) {
    const d = longRunning.find((o) => o.kind === "Deployment" && o.metadata.name === s);
    check(!!d, label, `Deployment ${s} missing`);
    if (!d) continue;
    const labels = d.spec.template.metadata?.labels ?? {};
    if (env === "production") {
      check(d.spec.replicas === 2, id(d), `production runs 2 replicas (has ${d.spec.replicas})`);
      const tsc = (d.spec.template.spec.topologySpreadConstraints ?? []).find(
        (c) => c.topologyKey === "kubernetes.io/hostname" && c.maxSkew === 1 && matches(c.labelSelector?.matchLabels, labels));
      check(!!tsc, id(d), "topologySpreadConstraints over kubernetes.io/hostname (maxSkew 1) selecting its pods required");
      const pdb = byKind("PodDisruptionBudget").find((p) => matches(p.spec?.selector?.matchLabels, labels));
      check(!!pdb, id(d), "PodDisruptionBudget required");
      if (pdb) check(pdb.spec.minAvailable === 1, id(pdb), "minAvailable must be 1");
    } else {
      check(d.spec.replicas === 1, id(d), `${env} runs 1 replica (has ${d.spec.replicas})`);
    }
  }
  const mariadb = longRunning.find((o) => o.kind === "StatefulSet" && o.metadata.name === "mariadb");
  check(!!mariadb && mariadb.spec.replicas === 1, label, "MariaDB: one primary (StatefulSet mariadb, 1 replica)");
  // database dumps (issue #15 item 8): encrypted with age to recipients from a Secret; the suite's
  // databases and Keycloak's in separate jobs, users, Secrets and directories
  const DUMPS = {
    "mariadb-dump": { user: "kiban_dump", dbs: servicesArgument().map((s) => `kiban_${s}`), secret: "kiban-dump-age", dir: "kiban" },
    "keycloak-dump": { user: "keycloak_dump", dbs: ["keycloak"], secret: "keycloak-dump-age", dir: "keycloak" },
  };
  for (const [name, want] of Object.entries(DUMPS)) {
    const cj = byKind("CronJob").find((o) => o.metadata.name === name);
    check(!!cj, label, `dump CronJob ${name} missing`);
    if (!cj) continue;
    const spec = podTemplate(cj).spec;
    const c = spec.containers?.[0] ?? {};
    const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));
    const script = (c.command ?? []).concat(c.args ?? []).join("\n");
    check(env.KIBAN_DUMP_USER?.value === want.user, id(cj), `dumps as ${want.user}`);
    check((env.KIBAN_DUMP_DATABASES?.value ?? "").split(/\s+/).filter(Boolean).sort().join(" ") === [...want.dbs].sort().join(" "),
      id(cj), `dumps exactly ${want.dbs.join(" ")} (Keycloak's schema never with the services')`);
    check(script.includes('| age --encrypt -R "$recipients" >') && !/(mariadb-dump|gzip)[^|\n]*>/.test(script),
      id(cj), "the dump is piped through `age --encrypt -R` before it touches the disk");
    const vol = (spec.volumes ?? []).find((v) => v.secret);
    check(vol?.secret?.secretName === want.secret, id(cj), `age recipients from Secret ${want.secret}`);
    const dm = (c.volumeMounts ?? []).find((m) => m.mountPath === "/dumps");
    check(dm?.subPath === want.dir, id(cj), `writes only to its own directory ${want.dir}/ on the dump volume`);
  }

  // services select pods; ServiceMonitors select services
  const podLabelSets = longRunning.map((o) => o.spec.template.metadata?.labels ?? {});
  for (const svc of services.values()) {
    check(podLabelSets.some((l) => matches(svc.spec?.selector, l)), id(svc), "selector matches no pod template");
  }
  for (const sm of byKind("ServiceMonitor")) {
    const sel = sm.spec?.selector?.matchLabels;
    check(!!sel && Object.keys(sel).length > 0, id(sm), "empty selector (would scrape every Service)");
    check([...services.values()].some((s) => matches(sel, s.metadata.labels)), id(sm), "selects no Service");
  }
  for (const s of [...SERVICES, CONSOLE]) check(byKind("ServiceMonitor").some((m) => m.metadata.name === s), label, `ServiceMonitor ${s} missing`);
  check(byKind("PrometheusRule").length > 0, label, "PrometheusRule missing");

  // entry: Gateway API only (ingress-nginx is retired); routes, listeners and backends consistent
  check(byKind("Ingress").length === 0, label, "Ingress objects are not allowed (Gateway API HTTPRoutes instead)");
  const gateways = new Map(byKind("Gateway").map((g) => [g.metadata.name, g]));
  check(gateways.size === 1, label, `exactly one Gateway expected (has ${gateways.size})`);
  for (const g of gateways.values()) {
    for (const l of g.spec?.listeners ?? []) {
      if (l.protocol === "HTTPS") {
        check(!!l.hostname && !l.hostname.endsWith(".invalid"), id(g), `listener ${l.name}: hostname ${l.hostname} must be set by the overlay`);
        check(l.tls?.mode === "Terminate" && (l.tls?.certificateRefs ?? []).length > 0, id(g), `listener ${l.name}: TLS with a certificate`);
      } else {
        check(l.protocol === "HTTP", id(g), `listener ${l.name}: only HTTP (redirect) and HTTPS`);
      }
      check(l.allowedRoutes?.namespaces?.from === "Same", id(g), `listener ${l.name}: routes from its own namespace only`);
    }
  }
  const SERVICE_PATH = /^\/(?!q(\/|$))[a-z0-9][a-z0-9-]*$/; // one first segment, never /q
  for (const r of byKind("HTTPRoute")) {
    const parents = r.spec?.parentRefs ?? [];
    check(parents.length > 0, id(r), "no parentRefs");
    let plainHttp = false;
    for (const p of parents) {
      const g = gateways.get(p.name);
      const l = g?.spec?.listeners?.find((x) => x.name === p.sectionName);
      check(!!l, id(r), `parent ${p.name}/${p.sectionName} is not a rendered Gateway listener`);
      if (l?.protocol === "HTTP") plainHttp = true;
      if (l?.hostname) check((r.spec.hostnames ?? []).every((h) => h === l.hostname), id(r), `hostnames ${r.spec.hostnames} differ from listener ${l.name} (${l.hostname})`);
    }
    for (const rule of r.spec?.rules ?? []) {
      if (plainHttp) {
        check(!(rule.backendRefs ?? []).length && (rule.filters ?? []).some((f) => f.type === "RequestRedirect" && f.requestRedirect?.scheme === "https"),
          id(r), "plain HTTP may only redirect to HTTPS");
        continue;
      }
      for (const b of rule.backendRefs ?? []) {
        const svc = services.get(b.name);
        check(!b.kind || b.kind === "Service", id(r), `backend ${b.name}: only Services`);
        check(!b.namespace, id(r), `backend ${b.name}: no cross-namespace backends`);
        check(!!svc && (svc.spec.ports ?? []).some((pt) => pt.port === b.port), id(r), `backend ${b.name}:${b.port} not found`);
      }
      const toKeycloak = (rule.backendRefs ?? []).some((b) => b.name === "keycloak");
      const swagger = r.metadata.name.endsWith("-swagger-ui");
      // the console serves pages: its dashboard is the exact path / (never a PathPrefix /, which would route
      // /q/* too); its other paths are first segments like the services'
      const consolePages = r.metadata.name === CONSOLE && (rule.backendRefs ?? []).every((b) => b.name === CONSOLE);
      check((rule.matches ?? []).length > 0, id(r), "a rule without matches routes every path");
      for (const m of rule.matches ?? []) {
        const p = m.path ?? { type: "PathPrefix", value: "/" };
        const where = `${id(r)} ${p.type} ${p.value}`;
        check(p.type === "PathPrefix" || p.type === "Exact", where, "only PathPrefix and Exact paths (no regular expressions)");
        if (toKeycloak) {
          check(/^\/realms\/kiban(\/|$)/.test(p.value) || /^\/resources(\/|$)/.test(p.value), where,
            "Keycloak: only the realm kiban and its static resources (never /realms/master, /admin)");
        } else if (swagger) {
          check(env !== "production", where, "production routes no Swagger UI or OpenAPI document");
          check(["/q/swagger-ui", "/q/openapi"].includes(p.value), where, "the Swagger UI route carries only /q/swagger-ui and /q/openapi");
        } else if (consolePages && p.type === "Exact" && p.value === "/") {
          checks++; // the console's dashboard
        } else {
          check(SERVICE_PATH.test(p.value), where, consolePages
            ? "the console route carries its pages only: Exact / and first path segments, never PathPrefix / or /q/* (health, metrics)"
            : "service routes carry API paths only: never / (everything) or /q/* (Swagger UI, OpenAPI, metrics, health)");
        }
      }
    }
  }

  // network: default deny
  const deny = byKind("NetworkPolicy").find((p) =>
    p.spec?.podSelector && Object.keys(p.spec.podSelector).length === 0 &&
    ["Ingress", "Egress"].every((t) => (p.spec.policyTypes ?? []).includes(t)) &&
    !(p.spec.ingress ?? []).length && !(p.spec.egress ?? []).length);
  check(!!deny, label, "default-deny NetworkPolicy (all pods, Ingress and Egress, no rules) missing");
  for (const w of longRunning) {
    const l = w.spec.template.metadata?.labels ?? {};
    const pols = byKind("NetworkPolicy").filter((p) => Object.keys(p.spec.podSelector?.matchLabels ?? {}).length && matches(p.spec.podSelector.matchLabels, l));
    check(pols.length > 0, id(w), "no NetworkPolicy allows anything to/from this workload (it would be cut off)");
  }

  // secrets: references only
  for (const s of byKind("Secret")) {
    check(!Object.keys(s.data ?? {}).length && !Object.keys(s.stringData ?? {}).length, id(s), "Secret carries literal data");
  }
  for (const cm of byKind("ConfigMap")) {
    for (const [k, v] of Object.entries(cm.data ?? {})) {
      check(!secretish.test(k), id(cm), `ConfigMap key ${k} looks like a secret`);
      const literal = String(v).match(/"secret"\s*:\s*"(?!\$\{)[^"]+"/);
      check(!literal, id(cm), `${k} contains a literal client secret ${literal?.[0]}`);
    }
  }

  // RBAC: only backup-service has Roles, none cluster-wide
  for (const rb of byKind("RoleBinding")) {
    check(rb.roleRef?.kind === "Role", id(rb), `binds ${rb.roleRef?.kind} ${rb.roleRef?.name}: only namespaced Roles written for the suite`);
    for (const s of rb.subjects ?? []) {
      check(s.kind === "ServiceAccount" && s.name === "backup-service" && s.namespace === ns, id(rb), `subject ${s.kind}/${s.namespace}/${s.name}: only backup-service of ${ns} may be bound`);
    }
  }
  for (const role of byKind("Role")) {
    for (const r of role.rules ?? []) {
      check(!(r.verbs ?? []).includes("*") && !(r.resources ?? []).includes("*") && !(r.apiGroups ?? []).includes("*"), id(role), "wildcards in a Role");
      if ((r.resources ?? []).includes("secrets")) check((r.resourceNames ?? []).length > 0 && (r.verbs ?? []).every((v) => v === "get"), id(role), "Secrets: get on named Secrets only");
    }
  }
}

// ---------------------------------------------------------------- main
let objects = 0;
const schemaErrors = [];
for (const input of inputs) {
  let text;
  try {
    text = readFileSync(input.file, "utf8");
  } catch (e) {
    fail(`cannot read ${input.file}: ${e.message}`);
  }
  const docs = parseAllDocuments(text);
  const objs = [];
  for (const d of docs) {
    if (d.errors.length) {
      schemaErrors.push(`${input.label}: YAML: ${d.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const o = d.toJS();
    if (o == null) continue;
    objs.push(o);
  }
  for (const o of objs) {
    const label = `${input.label} ${o.kind}/${o.metadata?.name}`;
    const cls = await modelFor(o.apiVersion, o.kind);
    if (!cls) {
      schemaErrors.push(`${label}: no schema for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    const errs = validationErrors(cls, o);
    if (errs.length) {
      schemaErrors.push(`${label}: ${errs.map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ")}`);
      continue;
    }
    for (const p of unknownFields(cls, o)) schemaErrors.push(`${label}: unknown field ${p}`);
    objects++;
  }
  if (input.policy) policy(input.label, input.env, objs);
}

for (const e of schemaErrors) console.error(`SCHEMA  ${e}`);
for (const v of violations) console.error(`POLICY  ${v}`);
if (schemaErrors.length || violations.length) {
  console.error(`k8s: ${schemaErrors.length} schema error(s), ${violations.length} policy violation(s); ${objects} objects valid, ${checks} policy checks passed`);
  process.exit(1);
}
console.log(`k8s: ${objects} objects validated, ${checks} policy checks passed`);
