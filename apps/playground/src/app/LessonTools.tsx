import { Suspense, useState } from 'react';
import type { PlaygroundSession } from '../lib/session-store';
import { CookieView, LifecycleView, RbacMatrix, RequestBuilder, TokenEditor, TokenInspector } from './views';

const TOOLS = [
  { name: 'inspector', label: 'Token inspector' },
  { name: 'editor', label: 'Token editor' },
  { name: 'request', label: 'Request builder' },
  { name: 'lifecycle', label: 'Lifecycle' },
  { name: 'cookies', label: 'Cookies' },
  { name: 'rbac', label: 'RBAC matrix' },
] as const;

type ToolName = (typeof TOOLS)[number]['name'];

interface LessonToolsProps {
  session: PlaygroundSession | null;
  currentToken: string | undefined;
}

/** The playground's views beside a lesson, one at a time, switched without leaving the lesson. */
export function LessonTools({ session, currentToken }: LessonToolsProps) {
  const [tool, setTool] = useState<ToolName>('request');
  return (
    <>
      <div className="tool-switcher" role="group" aria-label="Tool">
        {TOOLS.map((candidate) => (
          <button key={candidate.name} type="button" aria-pressed={tool === candidate.name} onClick={() => setTool(candidate.name)}>
            {candidate.label}
          </button>
        ))}
      </div>
      <Suspense fallback={<p role="status">Loading the tool…</p>}>
        {tool === 'inspector' && <TokenInspector session={session} currentToken={currentToken} />}
        {tool === 'editor' && <TokenEditor session={session} currentToken={currentToken} />}
        {tool === 'request' && <RequestBuilder session={session} currentToken={currentToken} />}
        {tool === 'lifecycle' && <LifecycleView session={session} />}
        {tool === 'cookies' && <CookieView session={session} />}
        {tool === 'rbac' && <RbacMatrix />}
      </Suspense>
    </>
  );
}
