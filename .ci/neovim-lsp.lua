-- CI: Neovim's built-in LSP client runs `replicalab lsp` on a copy of a lesson (the config of
-- editors/neovim/replicalab.lua), an expectation is made wrong, and the diagnostic must come back at the line and
-- column `check` reports. Prints `line:column: message` (1-based, bytes, as check does) to the file named by
-- $RESULT, or fails loudly after $TIMEOUT_MS.
local lesson = assert(os.getenv('LESSON'), 'LESSON is not set')
local result_file = assert(os.getenv('RESULT'), 'RESULT is not set')
local timeout = tonumber(os.getenv('TIMEOUT_MS') or '60000')

local function fail(message)
  io.stderr:write('neovim-lsp: ' .. message .. '\n')
  local log = vim.lsp.get_log_path and vim.lsp.get_log_path()
  if log then io.stderr:write('(Neovim LSP log: ' .. log .. ')\n') end
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  dofile('editors/neovim/replicalab.lua')
  vim.cmd('edit ' .. vim.fn.fnameescape(lesson))
  local bufnr = vim.api.nvim_get_current_buf()

  if not vim.wait(timeout, function() return #vim.lsp.buf_get_clients(bufnr) > 0 end, 50) then
    fail('no LSP client attached to ' .. lesson)
  end
  local client = vim.lsp.buf_get_clients(bufnr)[1] or select(2, next(vim.lsp.buf_get_clients(bufnr)))
  if not vim.wait(timeout, function() return client.initialized end, 50) then
    fail('the server did not answer initialize')
  end

  -- The first `expect replicas <tp> == <ids>` line gets a claim that is false.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local target, value_start
  for index, line in ipairs(lines) do
    local prefix = line:match('^(expect replicas %S+ == )%S+$')
    if prefix then
      target, value_start = index - 1, #prefix
      break
    end
  end
  if not target then fail('no expect replicas line in ' .. lesson) end
  vim.api.nvim_buf_set_text(bufnr, target, value_start, target, #lines[target + 1], { '9,9,9' })

  local found
  local arrived = vim.wait(timeout, function()
    for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
      if diagnostic.message:find('expected 9,9,9', 1, true) then
        found = diagnostic
        return true
      end
    end
    return false
  end, 50)
  if not arrived then
    fail('no diagnostic for the wrong expectation within ' .. timeout .. ' ms; diagnostics: '
      .. vim.inspect(vim.diagnostic.get(bufnr)))
  end
  if found.lnum ~= target or found.col ~= value_start then
    fail(string.format('diagnostic at %d:%d, expected %d:%d', found.lnum, found.col, target, value_start))
  end
  vim.cmd('silent write')
  local out = assert(io.open(result_file, 'w'))
  -- Neovim's columns are 0-based bytes; check's are 1-based bytes.
  out:write(string.format('%d:%d: %s\n', found.lnum + 1, found.col + 1, found.message:match('^[^\n]*')))
  out:close()
  vim.lsp.stop_client(client.id)
  vim.wait(2000, function() return client.is_stopped() end, 50)
end)
if not ok then fail(tostring(err)) end
vim.cmd('qall!')
