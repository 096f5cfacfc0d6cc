import path from 'node:path';

/**
 * Rewrites absolute paths inside a text (a source's note, a file path) relative to the config's
 * folder, so that reports do not depend on where the project is checked out.
 * @example portableText({ dir: '/home/a/proj', dataDir: null }, 'read /home/a/proj/data/x.csv') // 'read data/x.csv'
 */
export function portableText(config: { readonly dir: string; readonly dataDir: string | null }, text: string): string {
  let out = text;
  if (config.dataDir && !config.dataDir.startsWith(config.dir + path.sep)) {
    const rel = path.relative(config.dir, config.dataDir).split(path.sep).join('/');
    out = out.split(config.dataDir + path.sep).join(rel + '/');
  }
  return out.split(config.dir + path.sep).join('');
}
