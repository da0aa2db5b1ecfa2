;;; cvlint-eglot.el --- cvlint with Eglot (Emacs 28+)  -*- lexical-binding: t; -*-

;; Copy into your init file, or load this file.  It tells Eglot to run
;; `cvlint lsp' for Markdown and LaTeX buffers and answers the server's
;; `workspace/configuration' pull for section `cvlint'.  Then `M-x eglot' in
;; a CV (or `eglot-ensure' from the mode hooks below) gives squiggles through
;; Flymake and quick fixes with `M-x eglot-code-actions'.

(require 'eglot)

(defgroup cvlint nil "cvlint, the CV linter, through Eglot." :group 'tools)

(defcustom cvlint-executable "cvlint"
  "The cvlint executable: a name on `exec-path' or an absolute file name."
  :type 'string)

(defcustom cvlint-settings nil
  "The `cvlint' settings section, as a plist with the keys of .cvlint.json.
Example: (:locale \"en-GB\" :pages 2 :job \"job.md\" :rules (:buzzword \"off\")).
Only what is set here is sent, so .cvlint.json keeps its own values."
  :type 'plist)

(defconst cvlint-modes '(markdown-mode gfm-mode latex-mode LaTeX-mode tex-mode plain-tex-mode)
  "Major modes whose buffers cvlint checks.")

(add-to-list 'eglot-server-programs
             `(,cvlint-modes . ,(lambda (&rest _) (list cvlint-executable "lsp"))))

;; Eglot answers `workspace/configuration' from this variable; the function
;; form keeps it in step with `cvlint-settings'.
(setq-default eglot-workspace-configuration
              (lambda (&rest _) (list :cvlint (or cvlint-settings eglot--{}))))

(defun cvlint-fix-all ()
  "Apply every safe cvlint fix in the buffer (the `source.fixAll.cvlint' action)."
  (interactive)
  (eglot-code-actions (point-min) (point-max) "source.fixAll.cvlint" t))

;; To start cvlint automatically in every CV buffer:
;;   (dolist (hook '(markdown-mode-hook latex-mode-hook LaTeX-mode-hook))
;;     (add-hook hook #'eglot-ensure))

(provide 'cvlint-eglot)
;;; cvlint-eglot.el ends here
