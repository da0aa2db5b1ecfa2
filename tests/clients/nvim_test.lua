-- Headless Neovim test of the cvlint plugin against the real server:
--   CV_FILE=... CVLINT_BIN=... nvim --headless -u tests/clients/nvim_init.lua -c 'luafile tests/clients/nvim_test.lua'
-- 1. opens a CV whose weak-verb line has an emoji before the finding, and
--    waits for cvlint's diagnostic there, at the right byte column (Neovim
--    converts the server's UTF-16 columns to bytes);
-- 2. applies the weak-verb quick fix through vim.lsp.buf.code_action (Neovim's
--    own code-action machinery; vim.ui.select stands in for the user);
-- 3. checks the rewritten line and that the server, told of the edit
--    incrementally, drops the diagnostic;
-- 4. runs :CvlintReport.
-- Prints `ok: ...` / `not ok: ...` lines and exits 0 only when every check holds.
local failures, checks = 0, 0
local function out(s) io.stdout:write(s .. '\n') end
local function check(cond, what, detail)
  checks = checks + 1
  if cond then out('ok: ' .. what)
  else failures = failures + 1; out('not ok: ' .. what .. (detail and (' — ' .. detail) or '')) end
  return cond
end
local function finish()
  out(('nvim: %d passed, %d failed'):format(checks - failures, failures))
  vim.cmd((failures == 0 and checks > 0) and 'qall!' or 'cquit! 1')
end
local function fail_now(what, detail) check(false, what, detail); finish() end

local ok, err = pcall(function()
  local file = assert(os.getenv('CV_FILE'), 'CV_FILE not set')
  local WEAK = 'Responsible for'
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == 'markdown', 'the CV opens as markdown', vim.bo[buf].filetype)

  -- The expected place, read off the fixture: the line holding the weak
  -- phrase, and the phrase's byte offset in it (after a 4-byte emoji).
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local lnum, want_col
  for i, l in ipairs(lines) do
    local s = l:find(WEAK, 1, true)
    if s then lnum, want_col = i - 1, s - 1 break end
  end
  assert(lnum, 'fixture has no weak line')
  local _, want_utf16 = vim.str_utfindex(lines[lnum + 1], want_col)
  check(want_col ~= want_utf16, ('the fixture puts non-ASCII before the finding (byte %d, UTF-16 %d)'):format(want_col, want_utf16))

  local attached = vim.wait(10000, function() return require('cvlint').get_client(buf) ~= nil end, 50)
  if not check(attached, 'a cvlint client attaches to the buffer') then return finish() end
  local client = require('cvlint').get_client(buf)
  local want_root = os.getenv('EXPECT_ROOT')
  if want_root then
    check(vim.loop.fs_realpath(client.config.root_dir) == vim.loop.fs_realpath(want_root),
      'the root is the folder holding .cvlint.json', client.config.root_dir)
  end

  local function weak_diags()
    local r = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.source == 'cvlint' and d.code == 'weak-verb' then table.insert(r, d) end
    end
    return r
  end
  local got = vim.wait(15000, function() return #weak_diags() > 0 end, 50)
  if not check(got, 'cvlint publishes a weak-verb diagnostic',
    ('%d diagnostics in all'):format(#vim.diagnostic.get(buf))) then return finish() end
  local d
  for _, x in ipairs(weak_diags()) do if x.lnum == lnum then d = x end end
  if not check(d ~= nil, ('the weak-verb diagnostic is on line %d'):format(lnum + 1),
    vim.inspect(vim.tbl_map(function(x) return x.lnum + 1 end, weak_diags()))) then return finish() end
  check(d.col == want_col, ('it starts at byte column %d'):format(want_col), ('got %d'):format(d.col))
  check(d.end_lnum == lnum and d.end_col >= want_col + #WEAK and d.end_col <= #lines[lnum + 1],
    ('it covers "%s" and stays on the line'):format(WEAK), ('end %d:%d'):format(d.end_lnum, d.end_col))

  -- The quick fix through Neovim's own code action request and apply path.
  local chosen
  local real_select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    for _, item in ipairs(items) do
      local action = item.action or item[2]
      local diag = action.diagnostics and action.diagnostics[1]
      if not chosen and action.kind == 'quickfix' and diag and diag.code == 'weak-verb'
        and not action.title:match('^Disable') then
        chosen = action
        return on_choice(item, 1)
      end
    end
    out('# offered: ' .. table.concat(vim.tbl_map(function(i) return (i.action or i[2]).title end, items), ' | '))
    on_choice(nil, nil)
  end
  vim.api.nvim_win_set_cursor(0, { lnum + 1, want_col + 2 })
  vim.lsp.buf.code_action()
  local before = lines[lnum + 1]
  local changed = vim.wait(5000, function() return vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] ~= before end, 20)
  vim.ui.select = real_select
  check(chosen ~= nil, 'a weak-verb rewrite is offered as a code action', chosen and chosen.title)
  if not check(changed, 'applying it changes the line') then return finish() end
  local after = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1]
  out('# ' .. before .. '  =>  ' .. after)
  local prefix = before:sub(1, want_col)
  local suffix = 'the naïve payments API'
  check(after:sub(1, #prefix) == prefix, 'the emoji and bullet before the phrase are untouched', after)
  check(not after:find(WEAK, 1, true), 'the weak phrase is gone', after)
  check(after:sub(-#suffix) == suffix, 'the rest of the bullet is untouched', after)
  local verb = after:sub(#prefix + 1):match('^(%u%l+)')
  check(verb ~= nil and after:sub(#prefix + 1) == verb .. ' ' .. suffix,
    'the bullet now opens with one capitalised verb', after)
  check(#vim.api.nvim_buf_get_lines(buf, 0, -1, false) == #lines, 'no line was added or removed')

  -- The server saw the edit (incremental sync after an emoji) and re-linted.
  local gone = vim.wait(10000, function()
    for _, x in ipairs(weak_diags()) do if x.lnum == lnum then return false end end
    return true
  end, 50)
  check(gone, 'the server drops the weak-verb diagnostic after the edit')

  -- Every other diagnostic still sits on real text (no drift after the edit).
  local outside = {}
  for _, x in ipairs(vim.diagnostic.get(buf)) do
    local l = vim.api.nvim_buf_get_lines(buf, x.lnum, x.lnum + 1, false)[1] or ''
    if x.col > #l then table.insert(outside, ('%s at %d:%d'):format(tostring(x.code), x.lnum + 1, x.col)) end
  end
  check(#outside == 0, ('all %d diagnostics sit inside their lines'):format(#vim.diagnostic.get(buf)),
    table.concat(outside, ', '))

  -- The settings reached the server: the rule turned off in setup{} (which
  -- fires on this CV without it, as the shell checked with the CLI) is silent.
  local off = os.getenv('CVLINT_TEST_RULE_OFF')
  if off and off ~= '' then
    local n = 0
    for _, x in ipairs(vim.diagnostic.get(buf)) do if x.code == off then n = n + 1 end end
    check(n == 0, ('settings = { rules = { ["%s"] = "off" } } reach the server'):format(off), n .. ' still shown')
  end

  -- :CvlintReport opens the keyword report (saved file, through the CLI or the server).
  vim.cmd('silent write')
  vim.cmd('CvlintReport')
  local rbuf = vim.api.nvim_get_current_buf()
  local rlines = vim.api.nvim_buf_get_lines(rbuf, 0, -1, false)
  check(rbuf ~= buf and rlines[1] == '# cvlint keyword report', ':CvlintReport shows the report', rlines[1])
  local score = os.getenv('EXPECT_SCORE')
  if score and score ~= '' then
    local want = ('Keyword match: %s%%'):format(score)
    check(vim.tbl_contains(vim.tbl_map(function(l) return l:sub(1, #want) end, rlines), want),
      ('the report gives the CLI\'s match score (%s%%)'):format(score), table.concat(rlines, ' / '))
  else
    check(#rlines > 2, 'the report has content', tostring(#rlines) .. ' lines')
  end
  vim.cmd('close')

  -- :CvlintFixAll after undoing the quick fix gives what `cvlint check --fix` gives.
  local fixed_file = os.getenv('EXPECT_FIXED')
  if fixed_file and fixed_file ~= '' then
    vim.api.nvim_set_current_buf(buf)
    vim.cmd('silent undo')
    check(vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] == before, 'undo brings the weak line back')
    check(vim.wait(10000, function() return #weak_diags() > 0 end, 50), 'and its diagnostic')
    vim.cmd('CvlintFixAll')
    local want = vim.fn.readfile(fixed_file)
    local got_all = vim.wait(5000, function()
      return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') == table.concat(want, '\n')
    end, 20)
    check(got_all, ':CvlintFixAll gives the text of cvlint check --fix',
      vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1])
  end
  finish()
end)
if not ok then fail_now('the test ran without error', tostring(err)) end
