-- Defines :CvlintFixAll and :CvlintReport as soon as the plugin is on the
-- runtimepath; the server itself starts from require('cvlint').setup{} or,
-- on Neovim 0.11+, vim.lsp.enable('cvlint').
if vim.g.loaded_cvlint then return end
vim.g.loaded_cvlint = true
if vim.api.nvim_create_user_command then
  require('cvlint').create_commands()
end
