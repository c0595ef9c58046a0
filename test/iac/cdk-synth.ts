/**
 * Type-checks CDK exports with the TypeScript compiler against aws-cdk-lib, then runs each one and synthesizes its
 * stack through the library (no CDK CLI).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import type { App, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';

// The exports run as CommonJS through this `require`; the app and template come from the same module instances.
const require = createRequire(import.meta.url);
const cdk = require('aws-cdk-lib') as { App: new () => App };
const assertions = require('aws-cdk-lib/assertions') as { Template: typeof Template };
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUnusedLocals: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true,
  skipLibCheck: true,
  types: [],
  noEmit: true,
};

/** The compiler's errors for the given sources (file name → text), all compiled as one program. */
export function typeCheck(sources: ReadonlyMap<string, string>): string[] {
  // Virtual files beside this one, so `aws-cdk-lib` resolves from the project's node_modules.
  const virtual = new Map([...sources].map(([name, text]) => [join(import.meta.dirname, name), text]));
  const host = ts.createCompilerHost(OPTIONS);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => virtual.get(file) ?? readFile(file);
  host.fileExists = (file) => virtual.has(file) || fileExists(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = virtual.get(file);
    return text === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([...virtual.keys()], OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

type StackClass = new (scope: App, id: string) => Stack;

/** Runs the export's module and synthesizes its stack class in a fresh app: the template's resources. */
export function synthesizedResources(source: string, className: string): Record<string, unknown> {
  const { outputText } = ts.transpileModule(source, { compilerOptions: { ...OPTIONS, noEmit: false } });
  const module = { exports: {} as Record<string, unknown> };
  new Function('require', 'module', 'exports', outputText)(require, module, module.exports);
  const StackOfExport = module.exports[className] as StackClass;
  const resources = assertions.Template.fromStack(new StackOfExport(new cdk.App(), 'Test')).toJSON().Resources as Record<string, { Type: string }>;
  return Object.fromEntries(Object.entries(resources).filter(([, resource]) => resource.Type !== 'AWS::CDK::Metadata'));
}
