-- Unit tests of clients/nvim's own logic, run in the same headless Neovim:
--   nvim --headless -u NONE -c 'luafile tests/clients/nvim_unit.lua'
-- root detection, the workspace/configuration answer, the report renderer,
-- and which start path setup() takes on 0.11+ (vim.lsp.config/enable), 0.8+
-- (vim.lsp.start) and 0.7 (start_client), with those API calls recorded. The
-- real server is exercised by nvim_test.lua; this covers the branches a
-- single installed Neovim cannot reach.
local here = debug.getinfo(1, 'S').source:sub(2):match('^(.*)/[^/]*$')
local root = vim.fn.fnamemodify(here .. '/../..', ':p'):gsub('/$', '')
vim.opt.runtimepath:prepend(root .. '/clients/nvim')

local failures, checks = 0, 0
local function out(s) io.stdout:write(s .. '\n') end
local function check(cond, what, detail)
  checks = checks + 1
  if cond then out('ok: ' .. what)
  else failures = failures + 1; out('not ok: ' .. what .. (detail and (' — ' .. tostring(detail)) or '')) end
end
local function fresh()
  package.loaded['cvlint'] = nil
  return require('cvlint')
end

local ok, err = pcall(function()
  local cvlint = fresh()
  -- find_root: nearest .cvlint.json or .git, else the file's folder.
  local tmp = vim.fn.tempname()
  vim.fn.mkdir(tmp .. '/repo/.git', 'p')
  vim.fn.mkdir(tmp .. '/repo/cvs/2024', 'p')
  vim.fn.writefile({ '{}' }, tmp .. '/repo/cvs/.cvlint.json')
  vim.fn.mkdir(tmp .. '/lonely', 'p')
  check(cvlint.find_root(tmp .. '/repo/cvs/2024/cv.md') == tmp .. '/repo/cvs', 'root: the nearest .cvlint.json wins')
  check(cvlint.find_root(tmp .. '/repo/notes.md') == tmp .. '/repo', 'root: else the .git folder')
  check(cvlint.find_root(tmp .. '/lonely/cv.tex') == tmp .. '/lonely', 'root: else the file\'s own folder')

  -- The configuration answer: one entry per item, an object for cvlint.
  local ans = cvlint.configuration_answer({ locale = 'en-US' }, { { section = 'cvlint' }, { section = 'editor' } })
  check(#ans == 2 and ans[1].locale == 'en-US' and ans[2] == vim.NIL, 'configuration: cvlint section answered, others null')
  check(vim.fn.json_encode(cvlint.configuration_answer({}, { { section = 'cvlint' } })) == '[{}]',
    'configuration: empty settings are {} in JSON, not []')

  -- The report.
  local lines = cvlint.render_report({ path = 'cv.md', pages = { estimated = 2.4, limit = 2 },
    keywords = { job = 'job.md', score = 0.78, matched = { 'Python' }, missing = { 'Kubernetes', { keyword = 'CI/CD', importance = 'essential' } },
      variants = { { keyword = 'PostgreSQL', found = 'Postgres' } } } })
  local text = table.concat(lines, '\n')
  check(text:find('Keyword match: 78%% against the job advert job.md') ~= nil, 'report: the score and the advert', text)
  check(text:find('- CI/CD (essential)', 1, true) ~= nil and text:find('- Postgres → PostgreSQL', 1, true) ~= nil,
    'report: missing keywords and variants')
  check(text:find('over the limit', 1, true) ~= nil, 'report: pages over the limit')
  check(table.concat(cvlint.render_report({ keywords = vim.NIL }), '\n'):find('no keywords') ~= nil or
    table.concat(cvlint.render_report({}), '\n'):find('no keywords') ~= nil, 'report: no keywords explained')

  -- Start paths, with the LSP API recorded instead of run.
  local real = { config = vim.lsp.config, enable = vim.lsp.enable, start = vim.lsp.start,
    start_client = vim.lsp.start_client, attach = vim.lsp.buf_attach_client }
  local exe = vim.fn.exepath('sh')
  local calls = {}

  -- 0.11+: vim.lsp.config + vim.lsp.enable.
  vim.lsp.config = function(name, cfg) table.insert(calls, { 'config', name, cfg }) end
  vim.lsp.enable = function(name) table.insert(calls, { 'enable', name }) end
  cvlint = fresh()
  cvlint.setup({ cmd = { exe, 'lsp' }, settings = { pages = 1 } })
  check(#calls == 2 and calls[1][1] == 'config' and calls[1][2] == 'cvlint' and calls[2][1] == 'enable',
    '0.11+: setup() calls vim.lsp.config then vim.lsp.enable', vim.inspect(vim.tbl_map(function(c) return c[1] end, calls)))
  local cfg = calls[1] and calls[1][3] or {}
  check(vim.deep_equal(cfg.root_markers, { '.cvlint.json', '.git' }) and vim.tbl_contains(cfg.filetypes or {}, 'markdown')
    and cfg.settings.cvlint.pages == 1 and cfg.root_dir == nil, '0.11+: filetypes, root markers and settings handed over')
  local spec = dofile(root .. '/clients/nvim/lsp/cvlint.lua')
  check(spec.cmd[2] == 'lsp' and vim.tbl_contains(spec.filetypes, 'tex') and spec.handlers['workspace/configuration'] ~= nil,
    'lsp/cvlint.lua is a complete vim.lsp.config spec')
  vim.lsp.config, vim.lsp.enable = nil, nil

  -- 0.8+: vim.lsp.start from the FileType autocommand, root from .cvlint.json.
  calls = {}
  vim.lsp.start = function(c, o) table.insert(calls, { 'start', c, o }); return 7 end
  cvlint = fresh()
  cvlint.setup({ cmd = { exe, 'lsp' } })
  vim.cmd('edit ' .. tmp .. '/repo/cvs/2024/cv.md')
  vim.cmd('setfiletype markdown')
  check(#calls == 1 and calls[1][2].root_dir == tmp .. '/repo/cvs' and calls[1][2].name == 'cvlint',
    '0.8+: a markdown buffer starts the server with vim.lsp.start at the .cvlint.json root',
    calls[1] and calls[1][2].root_dir)
  vim.lsp.start = nil

  -- 0.7: start_client once per root, buf_attach_client per buffer.
  calls = {}
  vim.lsp.start_client = function(c) table.insert(calls, { 'start_client', c.root_dir }); return 42 end
  vim.lsp.buf_attach_client = function(b, id) table.insert(calls, { 'attach', b, id }); return true end
  local real_get = vim.lsp.get_client_by_id
  vim.lsp.get_client_by_id = function(id) return id == 42 and { is_stopped = function() return false end } or nil end
  cvlint = fresh()
  cvlint.setup({ cmd = { exe, 'lsp' } })
  -- (setup() also attaches the markdown buffer already open from the 0.8 case.)
  vim.cmd('edit ' .. tmp .. '/repo/cvs/a.tex')
  vim.cmd('setfiletype tex')
  local a = vim.api.nvim_get_current_buf()
  vim.cmd('edit ' .. tmp .. '/repo/cvs/b.md')
  vim.cmd('setfiletype markdown')
  local b = vim.api.nvim_get_current_buf()
  local starts = vim.tbl_filter(function(c) return c[1] == 'start_client' end, calls)
  local attached = {}
  for _, c in ipairs(calls) do if c[1] == 'attach' and c[3] == 42 then attached[c[2]] = true end end
  check(#starts == 1 and attached[a] and attached[b], '0.7: one client per root, attached to each buffer', vim.inspect(calls))
  vim.lsp.get_client_by_id = real_get
  vim.lsp.start_client, vim.lsp.buf_attach_client = real.start_client, real.attach
  vim.lsp.config, vim.lsp.enable, vim.lsp.start = real.config, real.enable, real.start

  -- A missing executable: a message, no start.
  calls = {}
  cvlint = fresh()
  local notified
  local real_notify = vim.notify
  vim.notify = function(msg) notified = msg end
  cvlint.options.cmd = { '/nonexistent/cvlint', 'lsp' }
  check(cvlint.attach(0) == nil and notified and notified:find('/nonexistent/cvlint', 1, true) ~= nil,
    'a missing executable is reported by name', notified)
  vim.notify = real_notify
end)
if not ok then check(false, 'the unit tests ran without error', err) end
out(('nvim-unit: %d passed, %d failed'):format(checks - failures, failures))
vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
