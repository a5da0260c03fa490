import { useMutation } from '@tanstack/react-query';
import { DEMO_USERS, type Article, type Role } from '@authlab/shared';
import { apiRequest, apiRequestRaw, type RawResponse } from '../../../lib/api-client';
import {
  demoTokenFor,
  forgetDemoToken,
  forgetDemoTokens,
  freshDemoToken,
} from '../../../lib/demo-tokens';
import type { PickedArticle, SampleRequest } from '../lib/expected-access';

export interface CellResult {
  response: RawResponse;
  token?: string;
  sentPath: string;
}

function usernameOf(role: Role): string {
  return DEMO_USERS.find((user) => user.role === role)!.username;
}

/** Requests that end sessions or retire tokens: they get a token of their own, and the shared ones are dropped after. */
const SESSION_ENDING = /^\/api\/auth\/(signout|signout-all|password)$|^\/api\/users\/[^/]+\/role$/;

/** Sends one matrix cell's request as that role's demo user (or with no token). */
export async function sendAsRole(request: SampleRequest, role: Role | null): Promise<CellResult> {
  const endsSessions = SESSION_ENDING.test(request.path);
  if (role !== null && !endsSessions) {
    const result = await sendOnce(request, role, await demoTokenFor(usernameOf(role)));
    if (result.response.status !== 401) return result;
    // The shared token may have been revoked meanwhile (a sign-out, a role change): once more, freshly signed in.
    forgetDemoToken(usernameOf(role));
    return sendOnce(request, role, await demoTokenFor(usernameOf(role)));
  }
  const token = role === null ? undefined : await freshDemoToken(usernameOf(role));
  const result = await sendOnce(request, role, token);
  if (endsSessions) forgetDemoTokens();
  return result;
}

async function sendOnce(
  request: SampleRequest,
  role: Role | null,
  token: string | undefined,
): Promise<CellResult> {
  let path = request.path;
  if (request.needsScratchArticle) {
    const article = await scratchArticle(request.scratchOf);
    path = path.replace(/\/[^/]+$/, `/${article.id}`);
  }
  const response = await apiRequestRaw(path, {
    method: request.method,
    // A cell speaks for its role alone: the learner's own cookies never ride along.
    cookies: false,
    ...(token === undefined ? {} : { token }),
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return { response, sentPath: path, ...(token === undefined ? {} : { token }) };
}

/**
 * A fresh article to delete, so a DELETE never eats the demo data: a copy of the picked one
 * written by its own author (same status, label and shares), or the admin's when there is none.
 */
async function scratchArticle(like: PickedArticle | undefined): Promise<Article> {
  const author = DEMO_USERS.some((user) => user.username === like?.authorUsername)
    ? like!.authorUsername
    : usernameOf('admin');
  const token = await demoTokenFor(author);
  const article = await apiRequest<Article>('/api/articles', {
    method: 'POST',
    token,
    body: {
      title: 'Scratch article',
      body: 'Made by the RBAC matrix to be deleted.',
      ...(like ? { status: like.status, label: like.label } : {}),
    },
    background: true,
  });
  for (const username of like?.sharedWith ?? []) {
    await apiRequest(`/api/articles/${article.id}/shares`, {
      method: 'POST',
      token,
      body: { username },
      background: true,
    });
  }
  return article;
}

export function useSendAsRole() {
  return useMutation({
    mutationFn: ({ request, role }: { request: SampleRequest; role: Role | null; key: string }) =>
      sendAsRole(request, role),
  });
}
