import { useId, type ReactNode } from 'react';

export interface ToolLink {
  href: string;
  label: string;
  description: string;
}

interface HomeViewProps {
  /** Where the learner stands in the lessons, with the way on. */
  lessons: ReactNode;
  tools: readonly ToolLink[];
}

/** The first page: what authlab is, the way into the lessons, and the tools on their own. */
export function HomeView({ lessons, tools }: HomeViewProps) {
  const id = useId();
  return (
    <>
      <section className="panel home-intro" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>See how an API decides who you are and what you may do</h2>
        <p>
          authlab is a real NestJS API with a playground beside it: sign in as a demo user, send
          requests, and watch every middleware, guard and handler decide on them.
        </p>
        <p>
          New here? Start with lesson 1 below: each lesson sits beside the live tools and ticks its
          steps as you do them.
        </p>
      </section>
      {lessons}
      <section className="panel" aria-labelledby={`${id}-tools`}>
        <h2 id={`${id}-tools`}>Tools</h2>
        <p className="hint">Each works on its own, and beside every lesson.</p>
        <ul className="tool-links">
          {tools.map((tool) => (
            <li key={tool.href}>
              <a href={tool.href}>{tool.label}</a>
              <span>{tool.description}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
