-- Minimal Neovim configuration for the headless client test: only the cvlint
-- plugin from this checkout, the server given by $CVLINT_BIN.
local here = debug.getinfo(1, 'S').source:sub(2):match('^(.*)/[^/]*$')
local root = vim.fn.fnamemodify(here .. '/../..', ':p'):gsub('/$', '')
vim.opt.runtimepath:prepend(root .. '/clients/nvim')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.cmd('filetype plugin on')
vim.cmd('runtime plugin/cvlint.lua')

-- Sent through workspace/configuration; the same values .cvlint.json would hold.
-- The test turns one rule off here and checks that the server obeyed.
local settings = { locale = 'en-GB', pages = 2 }
local off = os.getenv('CVLINT_TEST_RULE_OFF')
if off and off ~= '' then settings.rules = { [off] = 'off' } end

require('cvlint').setup({
  cmd = { os.getenv('CVLINT_BIN') or 'cvlint', 'lsp' },
  settings = settings,
  codelens = false,
})
