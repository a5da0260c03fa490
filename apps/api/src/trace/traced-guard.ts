import { Inject, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import { currentTrace } from './trace-context.js';
import type { StepResult } from './trace-recorder.js';

/** What a guard's decision means, told from beside it: the guard itself only decides. */
export interface GuardNarration {
  /** The guard let the request through. */
  passed(context: ExecutionContext): StepResult;
  /** The guard threw: a typed rejection carrying its reason, or an unexpected failure. */
  refused(error: unknown, context: ExecutionContext): StepResult;
}

/**
 * The guard as registered when tracing is on: the same class (same name, same dependencies)
 * with its decision timed and recorded, in words its narration chooses from what the guard
 * returned or threw. The guard is called exactly as Nest would call it.
 */
export function tracedGuard<G extends Type<CanActivate>>(
  guard: G,
  narration: Type<GuardNarration>,
): G {
  class TracedGuard extends guard {
    @Inject(narration) private readonly narration!: GuardNarration;

    override canActivate(context: ExecutionContext) {
      const end = currentTrace()?.begin(guard.name, 'guard');
      if (!end) return super.canActivate(context);
      const refused = (error: unknown): never => {
        end(this.narration.refused(error, context));
        throw error;
      };
      let decision: ReturnType<CanActivate['canActivate']>;
      try {
        decision = super.canActivate(context);
      } catch (error) {
        return refused(error);
      }
      if (decision instanceof Promise) {
        return decision.then((allowed) => {
          end(this.narration.passed(context));
          return allowed;
        }, refused);
      }
      end(this.narration.passed(context));
      return decision;
    }
  }
  // The route catalogue and the lifecycle view name the guard, not its wrapper.
  Object.defineProperty(TracedGuard, 'name', { value: guard.name });
  return TracedGuard;
}
