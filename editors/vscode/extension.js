// ReplicaLab lessons for VS Code: starts `replicalab lsp` for lessons (NN-slug.md, and Markdown files in a folder
// named Lessons) and scenario scripts (*.scenario). Everything else — diagnostics, completion, hover, code actions, go to
// definition, symbols, inlay hints — comes from the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

async function activate(context) {
  const settings = vscode.workspace.getConfiguration('replicalab');
  const debounce = settings.get('debounceMilliseconds', 20);
  const server = { command: settings.get('path', 'replicalab'), args: ['lsp', '--debounce', String(debounce)] };
  client = new LanguageClient(
    'replicalab',
    'ReplicaLab',
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: 'file', language: 'markdown', pattern: '**/Lessons/*.md' },
        { scheme: 'file', language: 'markdown', pattern: '**/[0-9][0-9]*-*.md' },
        { scheme: 'file', language: 'replicalab-scenario' },
      ],
      initializationOptions: { debounceMilliseconds: debounce },
    },
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('replicalab')) {
        await deactivate();
        await activate(context);
      }
    }),
  );
  await client.start();
}

async function deactivate() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

module.exports = { activate, deactivate };
