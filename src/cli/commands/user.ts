import { StringDecoder } from 'node:string_decoder';
import { ROLES } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { boolFlag, type CliIo, type CommandSpec, seeHelp, stringFlag, stringsFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure, usageError } from '../errors.ts';
import { table } from '../format.ts';
import { iso3, oneOf } from '../validate.ts';

const CREATE = 'user create';
const LIST = 'user list';
const MAX_LINE = 4096;

type Stdin = NonNullable<CliIo['stdin']>;

/** The first line of standard input, without its line ending; the rest is not read. */
async function firstLine(stdin: Stdin): Promise<string> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk));
    const nl = text.indexOf('\n');
    if (nl >= 0) return text.slice(0, nl).replace(/\r$/, '');
    if (text.length > MAX_LINE) throw usageError(`the password line on standard input is longer than ${MAX_LINE} characters`);
  }
  return (text + decoder.end()).replace(/\r$/, '');
}

/** Asks twice on the terminal with echo off: readline writes the typed characters to a muted output. */
async function promptPassword(stdin: Stdin, io: CliIo): Promise<string> {
  const [{ createInterface }, { Writable }] = await Promise.all([import('node:readline'), import('node:stream')]);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: stdin as NodeJS.ReadableStream, output: muted, terminal: true });
  const ask = (prompt: string) =>
    new Promise<string>((resolve, reject) => {
      io.stderr(prompt);
      const cancel = () => {
        io.stderr('\n');
        reject(failure('cancelled; no user was created'));
      };
      rl.once('SIGINT', cancel);
      rl.once('close', cancel);
      rl.question('', (answer) => {
        rl.off('SIGINT', cancel);
        rl.off('close', cancel);
        io.stderr('\n');
        resolve(answer);
      });
    });
  try {
    const first = await ask('Password: ');
    const second = await ask('Repeat the password: ');
    if (first !== second) throw usageError('the two passwords differ; no user was created');
    return first;
  } finally {
    rl.close();
  }
}

export const userCreateCommand: CommandSpec = {
  name: CREATE,
  brief: 'Create a user (admin, secretariat, country focal point or reader)',
  summary:
    'Create a user who can sign in to the portal and the API. The password is asked for twice on the terminal (not echoed), or read from the first line of standard input with --password-stdin; there is no default password. Runs as the local operator: no sign-in is needed.',
  positionals: [],
  flags: {
    email: { type: 'string', value: 'E', description: 'email address, used to sign in (required)' },
    role: { type: 'string', value: 'R', description: `${ROLES.join('|')} (required)` },
    country: {
      type: 'string',
      value: 'ISO3',
      multiple: true,
      description: 'country a focal point is responsible for; repeat the flag or separate codes with commas',
    },
    'password-stdin': { type: 'boolean', description: 'read the password from the first line of standard input' },
    json: { type: 'boolean', description: 'print the created user as POST /api/users returns it' },
  },
  examples: [
    'tripartite user create --email admin@example.org --role admin',
    'tripartite user create --email fp@example.org --role focal_point --country IDN,TLS',
    'printf \'%s\\n\' "$PASSWORD" | tripartite user create --email sec@example.org --role secretariat --password-stdin',
  ],
  async run(args, io) {
    const email = stringFlag(args, 'email');
    if (!email) throw usageError(`"${CREATE}" needs --email ${seeHelp(CREATE)}`);
    const rawRole = stringFlag(args, 'role');
    if (!rawRole) throw usageError(`"${CREATE}" needs --role ${ROLES.join('|')} ${seeHelp(CREATE)}`);
    const role = oneOf(rawRole, ROLES, CREATE, '--role') as string;
    const countries = stringsFlag(args, 'country').map((c) => iso3(c, CREATE, '--country'));
    if (role === 'focal_point' && countries.length === 0) throw usageError(`a focal point needs at least one --country ${seeHelp(CREATE)}`);
    if (role !== 'focal_point' && countries.length > 0)
      throw usageError(`only a focal point is scoped to countries; drop --country for role ${role} ${seeHelp(CREATE)}`);

    const stdin = io.stdin ?? process.stdin;
    let password: string;
    if (boolFlag(args, 'password-stdin')) password = await firstLine(stdin);
    else if (stdin.isTTY) password = await promptPassword(stdin, io);
    else throw usageError(`give the password on standard input with --password-stdin ${seeHelp(CREATE)}`);

    const user = await withServices(io, async ({ accounts }) => {
      try {
        return await accounts.createUser({ email, password, role, countries }, new Date());
      } catch (error) {
        if (error instanceof DomainError && error.code === 'invalid') throw usageError(error.message);
        if (error instanceof DomainError && error.code === 'conflict') throw failure(error.message);
        throw error;
      }
    });
    if (boolFlag(args, 'json')) io.stdout(`${JSON.stringify(user, null, 2)}\n`);
    else
      io.stdout(
        `Created user ${user.id} ${user.email} (${user.role}${user.countries.length ? ` for ${user.countries.join(', ')}` : ''})\n`,
      );
    return 0;
  },
};

export const userListCommand: CommandSpec = {
  name: LIST,
  brief: 'List users with their roles and countries',
  summary: 'List every user: id, email, role and the countries of a focal point (GET /api/users).',
  positionals: [],
  flags: {
    json: { type: 'boolean', description: 'print the same object as GET /api/users: {items:[{id,email,role,countries}]}' },
  },
  examples: ['tripartite user list', 'tripartite user list --json'],
  async run(args, io) {
    const items = await withServices(io, ({ accounts }) => accounts.listUsers());
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify({ items }, null, 2)}\n`);
      return 0;
    }
    if (items.length === 0) {
      io.stdout('No users. Create one with: tripartite user create --email E --role admin\n');
      return 0;
    }
    io.stdout(
      table(
        ['ID', 'Email', 'Role', 'Countries'],
        items.map((u) => [String(u.id), u.email, u.role, u.countries.join(', ') || '-']),
      ),
    );
    return 0;
  },
};
