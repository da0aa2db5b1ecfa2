-- cvlint for Neovim 0.11+: `vim.lsp.enable('cvlint')` picks this file up from
-- the runtimepath. `require('cvlint').setup{...}` does the same and adds the
-- settings, :CvlintFixAll and :CvlintReport (which plugin/cvlint.lua also
-- defines for users who only call vim.lsp.enable).
return {
  cmd = { 'cvlint', 'lsp' },
  filetypes = { 'markdown', 'tex', 'plaintex' },
  root_markers = { '.cvlint.json', '.git' },
  settings = { cvlint = {} },
  handlers = {
    ['workspace/configuration'] = function(_, result, ctx)
      local client = vim.lsp.get_client_by_id(ctx.client_id)
      local settings = client and client.config.settings and client.config.settings.cvlint or {}
      return require('cvlint').configuration_answer(settings, result and result.items)
    end,
  },
}
