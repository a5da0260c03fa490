import { Suspense, useState } from 'react';
import { TOOL_VIEWS, type ToolName } from '../lib/hash-route';
import type { PlaygroundSession } from '../lib/session-store';
import {
  CookieView,
  LifecycleView,
  RbacMatrix,
  RequestBuilder,
  TokenEditor,
  TokenInspector,
} from './views';

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
        {TOOL_VIEWS.map((candidate) => (
          <button
            key={candidate.view}
            type="button"
            aria-pressed={tool === candidate.view}
            onClick={() => setTool(candidate.view)}
          >
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
