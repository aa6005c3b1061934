// The in-browser IDE served at GET /ide (route.ts): GraphiQL 3 with the schema docs, the headers
// editor (token and purpose), and the ready examples of examples.ts. Bundled by build.ts with
// esbuild into dist/ide/assets (one JS and one CSS file); it talks only to its own origin.
// Browser code: excluded from the tsc build (no DOM types there); esbuild compiles it.
// @graphiql/react and @graphiql/toolkit are graphiql's own dependencies (one copy, hoisted): the
// hooks must come from the very copy GraphiQL renders with.
import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { buildClientSchema, buildSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { createContext, useContext, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { IDE_EXAMPLES, type IdeExample } from './examples';
import './ide.css';

// Same origin only (the page's Content-Security-Policy allows nothing else).
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });

// No token by default: an invalid one would make the gateway refuse every request. The form in
// the Examples panel (or the Headers tab) adds it.
const DEFAULT_HEADERS = JSON.stringify({ 'x-purpose': 'demo' }, null, 2);

function parseHeaders(text: string | undefined): Record<string, string> {
  try {
    const value = JSON.parse(text || '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

/** Where the docs come from: the published SDL, or the gateway's introspection for the token set. */
type SchemaSource = 'sdl' | 'introspection';

/**
 * With a token of the analyst scope the gateway answers introspection (the caller's own view of
 * the API schema); without it, introspection is refused outside development and the docs stay
 * the published SDL's.
 */
async function introspect(headers: Record<string, string>): Promise<GraphQLSchema | undefined> {
  try {
    const res = await fetch(new URL('/graphql', window.location.href).toString(), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) }),
    });
    const answer = (await res.json()) as { data?: IntrospectionQuery; errors?: unknown[] };
    return answer.data && !answer.errors ? buildClientSchema(answer.data) : undefined;
  } catch {
    return undefined;
  }
}

const SchemaContext = createContext<{ source: SchemaSource; loadFor(headers: Record<string, string>): Promise<SchemaSource> }>({
  source: 'sdl',
  loadFor: async () => 'sdl',
});

function ExamplesPanel() {
  const { queryEditor, variableEditor, headerEditor } = useEditorContext({ nonNull: true });
  const schema = useContext(SchemaContext);
  const [token, setToken] = useState('');
  const [purpose, setPurpose] = useState('demo');
  const [applied, setApplied] = useState('');

  const load = (example: IdeExample) => {
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(JSON.stringify(example.variables, null, 2));
  };
  const applyHeaders = (event: { preventDefault(): void }) => {
    event.preventDefault();
    const headers = parseHeaders(headerEditor?.getValue());
    delete headers.authorization;
    delete headers.Authorization;
    const bare = token.trim().replace(/^Bearer\s+/i, '');
    if (bare) headers.authorization = `Bearer ${bare}`;
    if (purpose.trim()) headers['x-purpose'] = purpose.trim();
    else delete headers['x-purpose'];
    headerEditor?.setValue(JSON.stringify(headers, null, 2));
    setApplied(bare ? 'Token and purpose set in the Headers tab.' : 'Purpose set; no token (public fields only).');
    void schema.loadFor(headers).then((source) => {
      if (bare) setApplied(source === 'introspection' ? 'Token and purpose set in the Headers tab; docs loaded by introspection with this token.' : 'Token and purpose set in the Headers tab; docs from the published schema (introspection needs the analyst scope).');
    });
  };

  return (
    <div className="bdg-panel">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Load an example into the editor, then run it (▶ or Ctrl-Enter).</p>
      <ul className="bdg-examples">
        {IDE_EXAMPLES.map((example) => (
          <li key={example.id}>
            <button type="button" className="bdg-example" data-example={example.id} onClick={() => load(example)}>
              {example.title}
              {example.personal ? <span className="bdg-badge">personal</span> : null}
            </button>
            <div className="bdg-description">{example.description}</div>
          </li>
        ))}
      </ul>
      <div className="graphiql-doc-explorer-section-title">Token and purpose</div>
      <p>
        Public fields need nothing. Personal fields need an agency token with a grant and the purpose in <code>x-purpose</code>.
        On a local start: <code>npm run -s token -- --agency DEMO-AGENCY</code> (purposes <code>demo</code>,{' '}
        <code>public-service-delivery</code>). Both go to the Headers tab below the editor, and are not stored by the browser.
      </p>
      <form className="bdg-auth" onSubmit={applyHeaders}>
        <label>
          Token
          <input name="token" type="password" autoComplete="off" placeholder="eyJhbGciOi…" value={token} onChange={(e) => setToken(e.target.value)} />
        </label>
        <label>
          Purpose (x-purpose)
          <input name="purpose" type="text" value={purpose} onChange={(e) => setPurpose(e.target.value)} />
        </label>
        <button type="submit" className="bdg-apply">Set headers</button>
        {applied ? <div className="bdg-applied" role="status">{applied}</div> : null}
        <div className="bdg-schema-source" data-schema-source={schema.source}>
          Docs: {schema.source === 'introspection' ? 'by introspection, for the token set' : 'the published schema'}
        </div>
      </form>
    </div>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <rect x="4" y="3" width="16" height="18" rx="2" />
      <path d="M8 8h8M8 12h8M8 16h5" />
    </svg>
  );
}

const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesPanel };

function Ide({ published }: { published: GraphQLSchema | undefined }) {
  const [visiblePlugin, setVisiblePlugin] = useState<GraphiQLPlugin | null>(examplesPlugin);
  const [schema, setSchema] = useState<{ value: GraphQLSchema | undefined; source: SchemaSource }>({ value: published, source: 'sdl' });
  const first = IDE_EXAMPLES.find((e) => e.id === 'district-dashboard') ?? IDE_EXAMPLES[0];
  const loadFor = async (headers: Record<string, string>): Promise<SchemaSource> => {
    const introspected = headers.authorization ? await introspect(headers) : undefined;
    const next = introspected ? { value: introspected, source: 'introspection' as const } : { value: published, source: 'sdl' as const };
    setSchema(next);
    return next.source;
  };
  return (
    <SchemaContext.Provider value={{ source: schema.source, loadFor }}>
    <GraphiQL
      fetcher={fetcher}
      schema={schema.value}
      plugins={[examplesPlugin]}
      visiblePlugin={visiblePlugin}
      onTogglePluginVisibility={setVisiblePlugin}
      // The first visit opens the district dashboard; later ones restore the browser's tabs.
      defaultTabs={[{ query: first.query, variables: JSON.stringify(first.variables, null, 2) }]}
      defaultHeaders={DEFAULT_HEADERS}
      shouldPersistHeaders={false}
      isHeadersEditorEnabled
      defaultEditorToolsVisibility="headers"
    >
      <GraphiQL.Logo>Bình Dương data gateway</GraphiQL.Logo>
    </GraphiQL>
    </SchemaContext.Provider>
  );
}

// The schema comes from the gateway (its current API schema, the same as the published
// schema/supergraph.graphql): introspection is reserved to the analyst scope outside development.
async function loadSchema(): Promise<GraphQLSchema | undefined> {
  try {
    const res = await fetch(new URL('/ide/schema.graphql', window.location.href).toString());
    if (!res.ok) return undefined;
    return buildSchema(await res.text());
  } catch {
    return undefined; // GraphiQL then tries introspection
  }
}

void loadSchema().then((schema) => {
  createRoot(document.getElementById('graphiql')!).render(<Ide published={schema} />);
});
