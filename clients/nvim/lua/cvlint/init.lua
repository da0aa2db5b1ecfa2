-- cvlint for Neovim: starts `cvlint lsp` for Markdown and TeX buffers, answers
-- the server's `workspace/configuration` pulls with the `settings` given to
-- setup(), and offers :CvlintFixAll and :CvlintReport.
--
-- One file serves three generations of Neovim's LSP API:
--   0.11+   vim.lsp.config('cvlint', ...) + vim.lsp.enable('cvlint')
--           (the defaults also ship as lsp/cvlint.lua for users who skip setup())
--   0.8+    vim.lsp.start() from a FileType autocommand (it reuses clients by root)
--   0.7     vim.lsp.start_client() + vim.lsp.buf_attach_client(), one client per root
-- Everything else (root detection, the configuration answer, fix-all, the
-- report) is shared by all three.
local M = {}

local uv = vim.loop or vim.uv
-- Client methods are called `client:request()` from 0.11 on (the dot form is
-- deprecated there), `client.request()` before.
local new_methods = vim.fn.has('nvim-0.11') == 1

-- The `cvlint` section as JSON: an object even when empty (never `[]`).
local function settings_object(settings)
  if settings == nil or next(settings) == nil then return vim.empty_dict() end
  return settings
end

M.defaults = {
  cmd = { 'cvlint', 'lsp' },
  filetypes = { 'markdown', 'tex', 'plaintex' },
  root_markers = { '.cvlint.json', '.git' },
  -- The `cvlint` settings section, the same schema as .cvlint.json:
  -- { locale = 'en-GB', pages = 2, role = 'backend-developer', job = 'job.md',
  --   rules = { buzzword = 'off' }, latex = { commands = { resumeItem = 'text' } }, ... }
  -- Only what is set here is sent, so .cvlint.json keeps its own values.
  settings = {},
  -- Show the page estimate and match score code lenses (refreshed on save and idle).
  codelens = true,
  on_attach = nil,
  on_init = nil,
  capabilities = nil,
  -- 0.11+: use vim.lsp.config/enable (false: use the FileType autocommand path).
  use_lsp_enable = true,
}

M.options = vim.deepcopy(M.defaults)
M._clients = {} -- 0.7 only: root_dir -> client id

local function is_dir(p)
  local st = uv.fs_stat(p)
  return st ~= nil and st.type == 'directory'
end

local function exists(p)
  return uv.fs_stat(p) ~= nil
end

local function dirname(p)
  local d = p:match('^(.*)/[^/]*$')
  if d == nil or d == '' then return '/' end
  return d
end

-- The nearest folder at or above `path` holding one of `markers`; the file's
-- own folder when none does (a CV on its own still gets linted).
function M.find_root(path, markers)
  markers = markers or M.options.root_markers
  if path == nil or path == '' then return uv.cwd() end
  local dir = is_dir(path) and path or dirname(path)
  local start = dir
  while true do
    for _, m in ipairs(markers) do
      if exists(dir .. '/' .. m) then return dir end
    end
    local parent = dirname(dir)
    if parent == dir then break end
    dir = parent
  end
  return start
end

-- The answer to `workspace/configuration`: section `cvlint` gets the settings
-- table (an empty JSON object, not an empty array, when nothing is set).
function M.configuration_answer(settings, items)
  local out = {}
  for i, item in ipairs(items or {}) do
    if item.section == 'cvlint' or item.section == nil or item.section == '' then
      out[i] = settings_object(settings)
    else
      out[i] = vim.NIL
    end
  end
  return out
end

local function configuration_handler(_, result, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  local settings = client and client.config.settings and client.config.settings.cvlint or M.options.settings
  return M.configuration_answer(settings, result and result.items)
end

local function make_on_attach(user_on_attach)
  return function(client, bufnr)
    if M.options.codelens and vim.lsp.codelens then
      pcall(vim.lsp.codelens.refresh)
      vim.api.nvim_create_autocmd({ 'BufWritePost', 'CursorHold', 'InsertLeave' }, {
        buffer = bufnr,
        group = vim.api.nvim_create_augroup('cvlint_codelens_' .. bufnr, { clear = true }),
        callback = function() pcall(vim.lsp.codelens.refresh) end,
      })
    end
    if user_on_attach then user_on_attach(client, bufnr) end
  end
end

-- Neovim 0.7 answers `workspace/configuration` but does not say so in its
-- capabilities; our handler does answer, so the capability is declared.
local function capabilities_with_configuration(caps)
  caps = vim.deepcopy(caps or vim.lsp.protocol.make_client_capabilities())
  caps.workspace = caps.workspace or {}
  caps.workspace.configuration = true
  return caps
end

-- The client configuration shared by every start path.
function M.client_config(root_dir)
  local o = M.options
  local cfg = {
    name = 'cvlint',
    cmd = o.cmd,
    root_dir = root_dir,
    settings = { cvlint = o.settings },
    -- Read by the server at initialize, so the first lint has the settings
    -- even where nothing pulls `workspace/configuration`.
    init_options = { settings = settings_object(o.settings) },
    handlers = { ['workspace/configuration'] = configuration_handler },
    on_attach = make_on_attach(o.on_attach),
    on_init = function(client)
      -- Neovim sends no settings by itself; servers that do not pull
      -- `workspace/configuration` read them from this notification.
      local notify = new_methods and function(...) return client:notify(...) end or client.notify
      notify('workspace/didChangeConfiguration', { settings = { cvlint = settings_object(o.settings) } })
      if o.on_init then o.on_init(client) end
    end,
    capabilities = capabilities_with_configuration(o.capabilities),
  }
  if root_dir then
    cfg.workspace_folders = { { uri = vim.uri_from_fname(root_dir), name = root_dir } }
  end
  return cfg
end

local function buf_path(bufnr)
  return vim.api.nvim_buf_get_name(bufnr)
end

-- Starts (or reuses) the server for one buffer; returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.fn.executable(M.options.cmd[1]) ~= 1 then
    if not M._warned then
      M._warned = true
      vim.notify(('cvlint: "%s" is not an executable; install cvlint or pass cmd = { "/path/to/cvlint", "lsp" } to setup() (see clients/README.md)')
        :format(M.options.cmd[1]), vim.log.levels.ERROR)
    end
    return nil
  end
  local root = M.find_root(buf_path(bufnr))
  if vim.lsp.start then
    return vim.lsp.start(M.client_config(root), { bufnr = bufnr })
  end
  -- Neovim 0.7: one client per root, reused while it runs.
  local id = M._clients[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(M.client_config(root))
    if not id then return nil end
    M._clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

-- The running cvlint client attached to a buffer, if any.
function M.get_client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  for _, c in pairs(clients) do
    if c.name == 'cvlint' then return c end
  end
  return nil
end

-- Client methods: `client:request()` from 0.11 on, `client.request()` before.
local function request(client, ...)
  if new_methods then return client:request(...) end
  return client.request(...)
end
local function request_sync(client, ...)
  if new_methods then return client:request_sync(...) end
  return client.request_sync(...)
end

local function capabilities(client)
  return client.server_capabilities or {}
end

-- Applies one code action the way Neovim's own code-action menu does: the
-- edit first, then the command (run by the server), resolving it first when
-- the server resolves actions lazily.
function M.apply_action(client, action, bufnr)
  if not action.edit and not action.command then
    local cap = capabilities(client).codeActionProvider
    if type(cap) == 'table' and cap.resolveProvider then
      local res = request_sync(client, 'codeAction/resolve', action, 3000, bufnr)
      if res and res.result then action = res.result end
    end
  end
  if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding) end
  local cmd = action.command
  if type(cmd) == 'table' then
    request(client, 'workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, nil, bufnr)
  elseif type(cmd) == 'string' then
    request(client, 'workspace/executeCommand', { command = cmd, arguments = action.arguments }, nil, bufnr)
  end
  return action.edit ~= nil or action.command ~= nil
end

-- :CvlintFixAll: the server's `source.fixAll.cvlint` action over the whole buffer.
function M.fix_all(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.get_client(bufnr)
  if not client then
    vim.notify('cvlint: no cvlint server attached to this buffer', vim.log.levels.WARN)
    return false
  end
  local last = vim.api.nvim_buf_line_count(bufnr)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll.cvlint' } },
  }
  local res = request_sync(client, 'textDocument/codeAction', params, 5000, bufnr)
  if not res or res.err then
    vim.notify('cvlint: fix all failed: ' .. vim.inspect(res and res.err or 'timeout'), vim.log.levels.ERROR)
    return false
  end
  for _, action in ipairs(res.result or {}) do
    if action.kind == 'source.fixAll.cvlint' or (action.kind or ''):find('^source%.fixAll') then
      return M.apply_action(client, action, bufnr)
    end
  end
  vim.notify('cvlint: nothing to fix', vim.log.levels.INFO)
  return false
end

-- The keyword report as lines of Markdown, from one file entry of
-- `cvlint check --format json` (or the same shape from the server).
function M.render_report(f)
  local out = { '# cvlint keyword report', '' }
  if type(f) ~= 'table' then
    table.insert(out, 'No report for this file.')
    return out
  end
  if f.path then vim.list_extend(out, { 'CV: ' .. f.path, '' }) end
  local pages = f.pages
  if type(pages) == 'table' and type(pages.estimated) == 'number' then
    local limit = type(pages.limit) == 'number' and (' of ' .. pages.limit) or ''
    local over = type(pages.limit) == 'number' and pages.estimated > pages.limit and ' — over the limit' or ''
    table.insert(out, ('Pages: %s%.1f%s%s'):format((pages.method == 'exact' or pages.method == 'measured') and '' or '≈ ', pages.estimated, limit, over))
    table.insert(out, '')
  end
  local k = f.keywords
  if type(k) ~= 'table' then
    table.insert(out, 'No job advert and no role profile: there are no keywords to match.')
    return out
  end
  if type(k.score) == 'number' then
    local src = type(k.job) == 'string' and ('job advert ' .. k.job) or 'role profile'
    table.insert(out, ('Keyword match: %d%% against the %s'):format(math.floor(k.score * 100 + 0.5), src))
    table.insert(out, '')
  end
  local missing = type(k.missing) == 'table' and k.missing or {}
  if #missing > 0 then
    table.insert(out, ('## Missing (%d)'):format(#missing))
    for _, m in ipairs(missing) do
      if type(m) == 'table' then
        table.insert(out, '- ' .. tostring(m.keyword) .. (m.importance and (' (' .. m.importance .. ')') or ''))
      else
        table.insert(out, '- ' .. tostring(m))
      end
    end
    table.insert(out, '')
  end
  local variants = type(k.variants) == 'table' and k.variants or {}
  if #variants > 0 then
    table.insert(out, ('## Named differently (%d)'):format(#variants))
    for _, v in ipairs(variants) do table.insert(out, ('- %s → %s'):format(tostring(v.found), tostring(v.keyword))) end
    table.insert(out, '')
  end
  local matched = type(k.matched) == 'table' and k.matched or {}
  table.insert(out, ('## Matched (%d)'):format(#matched))
  table.insert(out, #matched > 0 and table.concat(vim.tbl_map(tostring, matched), ', ') or 'None yet.')
  return out
end

local function report_json(bufnr)
  local client = M.get_client(bufnr)
  local cmds = client and (capabilities(client).executeCommandProvider or {}).commands or {}
  for _, name in ipairs({ 'cvlint.keywordReport', 'cvlint/keywordReport', 'cvlint.report' }) do
    if vim.tbl_contains(cmds, name) then
      local res = request_sync(client, 'workspace/executeCommand',
        { command = name, arguments = { vim.uri_from_bufnr(bufnr) } }, 5000, bufnr)
      if res and res.result ~= nil then
        -- `cvlint.keywordReport` answers the keywords object of the CLI's report.
        local r = res.result
        if type(r) == 'table' and r.keywords == nil and r.files == nil and (r.matched ~= nil or r.missing ~= nil) then
          return { keywords = r }
        end
        return r
      end
    end
  end
  -- No server command: the CLI runs the same engine on the saved file.
  local file = buf_path(bufnr)
  if file == '' then return nil, 'save the CV first' end
  local args = { M.options.cmd[1], 'check', '--format', 'json' }
  local s = M.options.settings or {}
  if type(s.job) == 'string' then vim.list_extend(args, { '--job', s.job }) end
  if type(s.role) == 'string' then vim.list_extend(args, { '--role', s.role }) end
  if type(s.pages) == 'number' then vim.list_extend(args, { '--pages', tostring(s.pages) }) end
  if type(s.locale) == 'string' then vim.list_extend(args, { '--locale', s.locale }) end
  table.insert(args, file)
  local cwd = vim.fn.getcwd()
  vim.cmd('noautocmd lcd ' .. vim.fn.fnameescape(dirname(file)))
  local out = vim.fn.system(args)
  vim.cmd('noautocmd lcd ' .. vim.fn.fnameescape(cwd))
  if vim.v.shell_error ~= 0 and vim.v.shell_error ~= 1 then return nil, out end
  local ok, json = pcall(vim.fn.json_decode, out)
  if not ok then return nil, 'cvlint check printed no JSON: ' .. out:sub(1, 200) end
  return json
end

-- :CvlintReport: the keyword report in a scratch split.
function M.report(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local json, err = report_json(bufnr)
  if json == nil then
    vim.notify('cvlint: keyword report failed: ' .. tostring(err), vim.log.levels.ERROR)
    return nil
  end
  local entry = json
  if type(json) == 'table' and type(json.files) == 'table' then entry = json.files[1] end
  local lines = type(json) == 'string' and vim.split(json, '\n') or M.render_report(entry)
  if vim.bo[bufnr].modified then table.insert(lines, '') table.insert(lines, '(report of the file as last saved)') end
  vim.cmd('botright new')
  local out = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(out, 0, -1, false, lines)
  vim.bo[out].buftype = 'nofile'
  vim.bo[out].bufhidden = 'wipe'
  vim.bo[out].swapfile = false
  vim.bo[out].modifiable = false
  vim.bo[out].filetype = 'markdown'
  pcall(vim.api.nvim_buf_set_name, out, 'cvlint://report/' .. vim.fn.fnamemodify(buf_path(bufnr), ':t'))
  return out, lines
end

function M.create_commands()
  vim.api.nvim_create_user_command('CvlintFixAll', function() M.fix_all(0) end,
    { desc = 'cvlint: apply every safe fix in this buffer' })
  vim.api.nvim_create_user_command('CvlintReport', function() M.report(0) end,
    { desc = 'cvlint: show the keyword report of this CV' })
end

function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), opts or {})
  -- Lists replace, never merge element-wise.
  if opts and opts.cmd then M.options.cmd = opts.cmd end
  if opts and opts.filetypes then M.options.filetypes = opts.filetypes end
  if opts and opts.root_markers then M.options.root_markers = opts.root_markers end
  M.create_commands()

  if M.options.use_lsp_enable and vim.lsp.config and vim.lsp.enable then
    local cfg = M.client_config(nil)
    cfg.root_dir = nil
    cfg.workspace_folders = nil
    cfg.filetypes = M.options.filetypes
    cfg.root_markers = M.options.root_markers
    vim.lsp.config('cvlint', cfg)
    vim.lsp.enable('cvlint')
    return
  end

  local group = vim.api.nvim_create_augroup('cvlint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
  -- Buffers opened before setup() (lazy loading) are attached now.
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(M.options.filetypes, vim.bo[b].filetype) then
      M.attach(b)
    end
  end
end

return M
