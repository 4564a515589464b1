// The pack run as the engine runs it: `node dist/index.js` in the pack's folder starts @pulumi/policy's own
// Analyzer gRPC server on 127.0.0.1 and prints its port (@pulumi/policy/server.js). Requests are built with the
// protobuf types the installed @pulumi/pulumi ships, and properties are encoded as the engine marshals them for
// analyzers (pkg/resource/plugin/analyzer_plugin.go: KeepUnknowns and KeepSecrets): an unknown value is the
// unknown sentinel, a secret is wrapped in the secret signature. Specs and `npm run check` both use this path, so
// what they report is what CrossGuard would report, "can't run policy ... during preview" notes included.
import { ChildProcess, spawn } from "node:child_process";
import { dirname, resolve } from "node:path";

const PACK_DIR = resolve(__dirname, "..", "..");

// The copies @pulumi/policy itself runs with, so the messages are the ones its server decodes.
const policyEntry = require.resolve("@pulumi/policy", { paths: [PACK_DIR] });
const analyzerPbPath = require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyEntry] });
/* eslint-disable @typescript-eslint/no-var-requires */
const analyzerPb = require(analyzerPbPath);
const analyzerGrpc = require(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb", { paths: [policyEntry] }));
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [policyEntry] }));
const structPb = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [dirname(analyzerPbPath)] }));
const emptyPb = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [dirname(analyzerPbPath)] }));

/** How the engine marks a value it does not know yet (sdk/go/common/resource/plugin/rpc.go UnknownStringValue). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A value the engine sends as a secret. */
export function secret(value: unknown): Record<string, unknown> {
    return { [SPECIAL_SIG_KEY]: SECRET_SIG, value };
}

export interface ProviderRef {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
}

/** A resource as the engine describes it to an analyzer. */
export interface EngineResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
    provider?: ProviderRef;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    protect?: boolean;
}

export type Level = "advisory" | "mandatory" | "disabled" | "remediate";

export interface Diagnostic {
    policy: string;
    level: Level;
    urn: string;
    /** What the engine shows: the runtime puts the policy's description in front of what the policy reported. */
    message: string;
    /** What the policy reported. */
    detail: string;
}

const LEVELS: Level[] = ["advisory", "mandatory", "disabled", "remediate"];

/** The running pack, and a client speaking to it as the engine does. */
export class Analyzer {
    private constructor(private readonly child: ChildProcess, private readonly client: any) {
    }

    /** Starts the pack (build it first: npm run build) and connects once it prints its port. */
    static async start(packDir: string = PACK_DIR): Promise<Analyzer> {
        const child = spawn(process.execPath, ["dist/index.js"], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
        const port = await new Promise<number>((resolvePort, reject) => {
            let out = "";
            let err = "";
            child.stdout!.on("data", chunk => {
                out += chunk;
                const line = out.split("\n")[0].trim();
                if (out.includes("\n") && /^\d+$/.test(line)) {
                    resolvePort(Number(line));
                }
            });
            child.stderr!.on("data", chunk => { err += chunk; });
            child.on("exit", code => reject(new Error(`the policy pack exited (${code}) before serving: ${err}${out}`)));
        });
        const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new Analyzer(child, client);
    }

    /** Sends the policy configuration, as the engine does from --policy-pack-config or the organization. */
    async configure(config: Record<string, Record<string, unknown>>): Promise<void> {
        const request = new analyzerPb.ConfigureAnalyzerRequest();
        for (const [policy, properties] of Object.entries(config)) {
            const entry = new analyzerPb.PolicyConfig();
            entry.setEnforcementlevel(analyzerPb.EnforcementLevel.MANDATORY);
            entry.setProperties(structPb.Struct.fromJavaScript(properties));
            request.getPolicyconfigMap().set(policy, entry);
        }
        await this.call("configure", request);
    }

    /** Resource policies on one resource's inputs, as before its step (preview, update, up --skip-preview). */
    async analyze(resource: EngineResource): Promise<Diagnostic[]> {
        return diagnostics(await this.call("analyze", describe(new analyzerPb.AnalyzeRequest(), resource)));
    }

    /** Stack policies over every resource, as after the last step of a preview or an update. */
    async analyzeStack(resources: EngineResource[]): Promise<Diagnostic[]> {
        const request = new analyzerPb.AnalyzeStackRequest();
        request.setResourcesList(resources.map(resource => {
            const r = describe(new analyzerPb.AnalyzerResource(), resource);
            r.setParent(resource.parent ?? "");
            r.setDependenciesList(resource.dependencies ?? []);
            for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
                const dependencies = new analyzerPb.AnalyzerPropertyDependencies();
                dependencies.setUrnsList(urns);
                r.getPropertydependenciesMap().set(key, dependencies);
            }
            return r;
        }));
        return diagnostics(await this.call("analyzeStack", request));
    }

    /**
     * What the engine's policy checks amount to: every resource analyzed before its step, then the stack.
     * In a preview and an update both happen; with up --skip-preview the stack analysis comes after the
     * resources exist, so only the first part can stop them.
     */
    async analyzeAll(resources: EngineResource[]): Promise<{ beforeCreation: Diagnostic[]; stack: Diagnostic[] }> {
        const beforeCreation: Diagnostic[] = [];
        for (const resource of resources) {
            beforeCreation.push(...await this.analyze(resource));
        }
        return { beforeCreation, stack: await this.analyzeStack(resources) };
    }

    async policyNames(): Promise<string[]> {
        const info = await this.call("getAnalyzerInfo", new emptyPb.Empty());
        return info.getPoliciesList().map((p: any) => p.getName());
    }

    close(): void {
        this.client.close();
        this.child.kill();
    }

    private call(method: string, request: unknown): Promise<any> {
        return new Promise((resolveCall, reject) => this.client[method](request, (error: Error | null, response: any) =>
            error ? reject(error) : resolveCall(response)));
    }
}

/** The fields AnalyzeRequest and AnalyzerResource share, as the engine fills them. */
function describe(message: any, resource: EngineResource): any {
    message.setType(resource.type);
    message.setName(resource.name);
    message.setUrn(resource.urn);
    message.setProperties(structPb.Struct.fromJavaScript(resource.props as any));
    message.setOptions(options(resource));
    if (resource.provider) {
        message.setProvider(provider(resource.provider));
    }
    return message;
}

function options(resource: EngineResource): any {
    const opts = new analyzerPb.AnalyzerResourceOptions();
    opts.setProtect(resource.protect ?? false);
    if (resource.parent) {
        opts.setParent(resource.parent);
    }
    return opts;
}

function provider(ref: ProviderRef): any {
    const p = new analyzerPb.AnalyzerProviderResource();
    p.setType(ref.type);
    p.setName(ref.name);
    p.setUrn(ref.urn);
    p.setProperties(structPb.Struct.fromJavaScript(ref.props as any));
    return p;
}

function diagnostics(response: any): Diagnostic[] {
    return response.getDiagnosticsList().map((d: any) => {
        const message: string = d.getMessage();
        const prefix = `${d.getDescription()}\n`;
        return {
            policy: d.getPolicyname(),
            level: LEVELS[d.getEnforcementlevel()],
            urn: d.getUrn(),
            message,
            detail: message.startsWith(prefix) ? message.slice(prefix.length) : message,
        };
    });
}

/** A "can't run policy ... during preview" note: the policy read an unknown value and decided nothing. */
export function isCantRun(d: Diagnostic): boolean {
    return d.message.startsWith("can't run policy");
}
