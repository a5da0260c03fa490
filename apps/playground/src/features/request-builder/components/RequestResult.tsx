import { ResponseView } from '../../../components/ResponseView';
import { TraceById } from '../../../components/TraceById';
import { UseTokenFromResponse } from '../../../components/UseTokenFromResponse';
import type { BuiltRequest, SentRequest } from '../api/send-request';

interface RequestResultProps {
  sent: SentRequest;
  request: BuiltRequest;
}

/** The answer to a sent request, a token in it to take, and the request's lifecycle. */
export function RequestResult({ sent, request }: RequestResultProps) {
  const name = `${request.method} ${request.path}`;
  return (
    <div className="request-result">
      <h3>Response</h3>
      <ResponseView response={sent.response} label={`Response of ${name}`} />
      <UseTokenFromResponse body={sent.response.body} from={name} />
      {sent.response.traceId && (
        <>
          <h3>Lifecycle</h3>
          <TraceById
            traceId={sent.response.traceId}
            {...(sent.token ? { token: sent.token } : {})}
          />
        </>
      )}
    </div>
  );
}
