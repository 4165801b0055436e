import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { usageError } from './errors.ts';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** Stops a long-running command (`serve`); the process entry point wires it to SIGINT/SIGTERM. */
  signal?: AbortSignal;
  /**
   * Standard input for commands that read it (`user create --password-stdin`); defaults to
   * process.stdin. `isTTY` true means an interactive terminal, where a password may be prompted for.
   */
  stdin?: AsyncIterable<string | Uint8Array> & { isTTY?: boolean };
  /** Standard output as a byte stream, for large output (`screen --out -`); defaults to a text sink over `stdout`. */
  stdoutStream?: Writable;
}

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** Placeholder shown in help, e.g. N or FILE; string flags only. */
  value?: string;
  /** A string flag that may be given more than once; its values arrive as an array. */
  multiple?: boolean;
  description: string;
}

export interface PositionalSpec {
  name: string;
  description: string;
}

export interface ParsedArgs {
  values: Record<string, string | string[] | boolean | undefined>;
  positionals: string[];
}

export interface CommandSpec {
  /** Full command path as typed, e.g. "instruments" or "db seed". */
  name: string;
  /** One line for the top-level command list. */
  brief: string;
  summary: string;
  positionals: PositionalSpec[];
  flags: Record<string, FlagSpec>;
  examples: string[];
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

const HELP_FLAG: FlagSpec = { type: 'boolean', description: 'show this help and exit' };

export function seeHelp(command: string | null): string {
  return command ? `(see tripartite ${command} --help)` : '(see tripartite --help)';
}

export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/**
 * parseArgs refuses `--page -1` as ambiguous; a negative number after a string flag is clearly its
 * value, so it is joined (`--page=-1`) and then rejected by the flag's own range check with a
 * message that names the real problem.
 */
function joinNegativeValues(argv: readonly string[], spec: CommandSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    const name = a.startsWith('--') ? a.slice(2) : null;
    if (name && spec.flags[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

function flagIn(message: string): string {
  return /'(--?[^' =<]+)/.exec(message)?.[1] ?? 'flag';
}

export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, flag] of Object.entries(spec.flags))
    options[name] = flag.multiple && flag.type === 'string' ? { type: 'string', multiple: true } : { type: flag.type };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv, spec), options, strict: true, allowPositionals: true });
  } catch (error) {
    const e = error as Error & { code?: string };
    const flag = flagIn(e.message);
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw usageError(`unknown flag ${flag} for "${spec.name}" ${seeHelp(spec.name)}`);
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/does not take an argument/.test(e.message))
        throw usageError(`flag ${flag} of "${spec.name}" takes no value ${seeHelp(spec.name)}`);
      throw usageError(
        `flag ${flag} of "${spec.name}" needs a value (write ${flag}=VALUE for a value starting with "-") ${seeHelp(spec.name)}`,
      );
    }
    throw usageError(`${e.message.split('\n')[0]} ${seeHelp(spec.name)}`);
  }
  const { positionals } = parsed;
  if (positionals.length < spec.positionals.length) {
    const missing = spec.positionals[positionals.length] as PositionalSpec;
    throw usageError(`"${spec.name}" needs <${missing.name}> ${seeHelp(spec.name)}`);
  }
  if (positionals.length > spec.positionals.length) {
    throw usageError(`unexpected argument "${positionals[spec.positionals.length]}" for "${spec.name}" ${seeHelp(spec.name)}`);
  }
  return { values: parsed.values as ParsedArgs['values'], positionals };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Every value of a repeatable string flag, also split on commas: `--country IDN,MYS --country PHL`. */
export function stringsFlag(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  const raw = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return raw
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - s.length));
}

/** Help is generated from the same spec the parser uses, so every flag is always listed. */
export function commandHelp(spec: CommandSpec): string {
  const flagEntries = Object.entries(spec.flags);
  const usageFlags = flagEntries.map(([name, f]) =>
    f.type === 'string' ? `[--${name} ${f.value ?? 'VALUE'}]${f.multiple ? '...' : ''}` : `[--${name}]`,
  );
  const usage = ['tripartite', spec.name, ...spec.positionals.map((p) => `<${p.name}>`), ...usageFlags].join(' ');
  const rows: [string, string][] = [
    ...spec.positionals.map((p): [string, string] => [`<${p.name}>`, p.description]),
    ...flagEntries.map(([name, f]): [string, string] => [
      f.type === 'string' ? `--${name} ${f.value ?? 'VALUE'}` : `--${name}`,
      f.description,
    ]),
    ['--help, -h', HELP_FLAG.description],
  ];
  const width = Math.max(...rows.map(([l]) => l.length));
  const lines = [`Usage: ${usage}`, '', spec.summary, '', 'Options:', ...rows.map(([l, d]) => `  ${pad(l, width)}  ${d}`)];
  if (spec.examples.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}
