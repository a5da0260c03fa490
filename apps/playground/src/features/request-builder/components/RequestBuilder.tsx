import { useId, useReducer } from 'react';
import type { PlaygroundSession } from '../../../lib/session-store';
import { METHODS_WITH_BODY, useSendRequest } from '../api/send-request';
import {
  bodyTextOf,
  credentialOf,
  initialRequestForm,
  requestFormReducer,
  senderOf,
} from '../lib/request-form';
import { requestPreview } from '../lib/request-preview';
import { BodyFields } from './BodyFields';
import { CredentialFields } from './CredentialFields';
import { RequestResult } from './RequestResult';
import { TargetFields } from './TargetFields';

interface RequestBuilderProps {
  session: PlaygroundSession | null;
  /** The playground's current token (the session's, or one the learner chose), offered as "my current token". */
  currentToken?: string | undefined;
}

/** Any route, as any demo user or nobody, with the token in the header or the cookie. */
export function RequestBuilder({
  session,
  currentToken = session?.accessToken,
}: RequestBuilderProps) {
  const id = useId();
  const [form, dispatch] = useReducer(
    requestFormReducer,
    { session, currentToken },
    initialRequestForm,
  );
  const send = useSendRequest();
  // All derived from the form and the props, so nothing is copied into state while rendering.
  const cookieSession = session?.delivery === 'cookie' ? session : null;
  const credential = credentialOf(form, currentToken);
  const bodyText = bodyTextOf(form);

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Request builder</h2>
      <form
        className="request-form"
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate({
            method: form.method,
            path: form.path,
            credential,
            bodyText,
            bodyType: form.bodyType,
          });
        }}
      >
        <TargetFields form={form} dispatch={dispatch} />
        <CredentialFields
          form={form}
          sendAs={senderOf(form, currentToken)}
          currentToken={currentToken}
          cookieSession={cookieSession}
          dispatch={dispatch}
        />
        {METHODS_WITH_BODY.includes(form.method) && (
          <BodyFields form={form} bodyText={bodyText} dispatch={dispatch} />
        )}
        <details>
          <summary>The request that will be sent</summary>
          <pre className="json-block" aria-label="Request preview">
            <code>{requestPreview(form, credential, bodyText, cookieSession)}</code>
          </pre>
        </details>
        <button type="submit" className="primary">
          Send request
        </button>
      </form>
      {send.isPending && <p role="status">Sending…</p>}
      {send.isError && <p className="notice notice-error">{send.error.message}</p>}
      {send.data && <RequestResult sent={send.data} request={send.variables} />}
    </section>
  );
}
