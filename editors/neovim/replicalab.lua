-- ReplicaLab's language server in Neovim (0.7 or newer, built-in LSP client): lessons verified as you type.
--
-- Put this file on your runtime path and `require('replicalab')`, or paste it into init.lua. It starts
-- `replicalab lsp` (put a release build on your PATH: `swift build -c release`, then
-- `.build/release/replicalab`) for lessons (`*/Lessons/*.md`, `NN-slug.md`) and scenario scripts (`*.scenario`).

local M = {}

local function config(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  return {
    name = 'replicalab',
    cmd = { 'replicalab', 'lsp' },
    -- The lessons' folder; the server reads the other lessons there for links between them.
    root_dir = vim.fn.fnamemodify(path, ':p:h'),
  }
end

local clients = {}

--- Starts the server for a buffer, or attaches the buffer to the one already running for its folder.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local settings = config(bufnr)
  if vim.lsp.start then
    -- Neovim 0.8 and newer reuse a running client with the same name and root by themselves.
    return vim.lsp.start(settings, { bufnr = bufnr })
  end
  local id = clients[settings.root_dir]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(settings)
    clients[settings.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = { '*/Lessons/*.md', '*/[0-9][0-9]*-*.md', '*.scenario' },
  callback = function(args) M.attach(args.buf) end,
})

return M
