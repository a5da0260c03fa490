import { useId, useReducer } from 'react';
import type { PlaygroundSession } from '../../../lib/session-store';
import { useEditedToken, type SigningChoice } from '../hooks/use-edited-token';
import {
  INITIAL_EDITOR_STATE,
  draftOf,
  editorReducer,
  parseObject,
  signatureOf,
  sourceOf,
  type SigningSettings,
} from '../lib/editor-state';
import { ClaimShortcuts } from './ClaimShortcuts';
import { EditedTokenPanel } from './EditedTokenPanel';
import { JsonPartFields } from './JsonPartFields';
import { SendPanel } from './SendPanel';
import { SigningFields } from './SigningFields';
import { SourceTokenField } from './SourceTokenField';

interface TokenEditorProps {
  session: PlaygroundSession | null;
  /** The playground's current token, when it is not the session's (one the learner chose). */
  currentToken?: string | undefined;
}

function signingChoice(signing: SigningSettings): SigningChoice {
  const { kind, secret, encoding, emptyKey, privateKey, asymmetricAlg } = signing;
  if (kind === 'resign') return { kind, secret, encoding, emptyKey };
  if (kind === 'private-key') return { kind, privateKey, alg: asymmetricAlg };
  return { kind };
}

/** Change a token's claims, sign it again (or not) and see whether the API believes it. */
export function TokenEditor({
  session,
  currentToken: givenToken = session?.accessToken,
}: TokenEditorProps) {
  const id = useId();
  const currentToken = givenToken ?? '';
  const [state, dispatch] = useReducer(editorReducer, INITIAL_EDITOR_STATE);
  // Everything shown is derived from the state and the current token: nothing is copied on render.
  const source = sourceOf(state, currentToken);
  const draft = draftOf(state, source);
  const header = parseObject(draft.header);
  const payload = parseObject(draft.payload);
  const edited = useEditedToken(header, payload, signatureOf(source), signingChoice(state.signing));

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Token editor</h2>
      <p className="hint">
        Change what the token claims, then sign it again with a secret you type — or keep the old
        signature and watch the API notice.
      </p>
      <SourceTokenField source={source} currentToken={currentToken} dispatch={dispatch} />
      {source.trim() !== '' && (
        <>
          <ClaimShortcuts
            source={source}
            payload={payload}
            minutes={state.minutes}
            dispatch={dispatch}
          />
          <JsonPartFields draft={draft} header={header} payload={payload} dispatch={dispatch} />
          <SigningFields source={source} signing={state.signing} dispatch={dispatch} />
          <EditedTokenPanel edited={edited} currentToken={currentToken} />
          <SendPanel
            key={source}
            token={edited.status === 'ready' ? edited.token : null}
            probeIndex={state.probeIndex}
            currentToken={currentToken}
            dispatch={dispatch}
          />
        </>
      )}
    </section>
  );
}
