import path from 'node:path';
import type { Plugin } from 'vite';
import { LessonFileError, readLessons } from './read-lessons.ts';

const VIRTUAL_ID = 'virtual:lessons';
const RESOLVED_ID = '\0virtual:lessons';

/**
 * `import { lessons } from 'virtual:lessons'`: every lesson in `dir`, read and validated when the
 * playground is built, so an invalid lesson fails the build with its file name and the problem,
 * and the page ships data, not a YAML or Markdown parser.
 */
export function lessonsPlugin({ dir }: { dir: string }): Plugin {
  return {
    name: 'authlab-lessons',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      let lessons;
      try {
        lessons = readLessons(dir);
      } catch (error) {
        if (error instanceof LessonFileError)
          this.error(`Invalid lesson docs/lessons/${error.message}`);
        throw error;
      }
      for (const lesson of lessons) this.addWatchFile(path.join(dir, lesson.file));
      // JSON.parse of a string literal: cheaper to parse than the same object as code.
      return `export const lessons = JSON.parse(${JSON.stringify(JSON.stringify(lessons))});\n`;
    },
    configureServer(server) {
      // A lesson added or removed while `vite` runs: build the module again and reload the page.
      server.watcher.add(dir);
      const onLessonFile = (file: string) => {
        if (path.dirname(file) !== dir || !file.endsWith('.md')) return;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', onLessonFile);
      server.watcher.on('unlink', onLessonFile);
      server.watcher.on('change', onLessonFile);
    },
  };
}
