;;; emacs_test.el --- batch test of cvlint through Eglot  -*- lexical-binding: t; -*-
;; CV_FILE=cv.tex CVLINT_BIN=cvlint emacs --batch -l tests/clients/emacs_test.el
;; Loads clients/emacs/cvlint-eglot.el, opens a LaTeX CV with an emoji before
;; a weak verb, waits for cvlint's weak-verb diagnostic through Flymake at the
;; right buffer position (Eglot converts the server's UTF-16 columns), applies
;; the quick fix with `eglot-code-actions' (the completing-read stands in for
;; the user and takes Eglot's default, the preferred action) and checks the text.
(require 'cl-lib)

(load (expand-file-name "../../clients/emacs/cvlint-eglot.el"
                        (file-name-directory (or load-file-name buffer-file-name))))

(defvar cvlint-test-checks 0)
(defvar cvlint-test-failures 0)
(defun cvlint-test-check (cond what &optional detail)
  (setq cvlint-test-checks (1+ cvlint-test-checks))
  (if cond (princ (format "ok: %s\n" what))
    (setq cvlint-test-failures (1+ cvlint-test-failures))
    (princ (format "not ok: %s%s\n" what (if detail (format " — %s" detail) ""))))
  cond)
(defun cvlint-test-finish ()
  (princ (format "emacs: %d passed, %d failed\n"
                 (- cvlint-test-checks cvlint-test-failures) cvlint-test-failures))
  (kill-emacs (if (and (> cvlint-test-checks 0) (= cvlint-test-failures 0)) 0 1)))
(defun cvlint-test-wait (secs pred)
  "Run timers and process output until PRED holds or SECS pass."
  (let ((until (+ (float-time) secs)) (v nil))
    (while (and (not (setq v (funcall pred))) (< (float-time) until))
      (accept-process-output nil 0.05))
    v))

(setq cvlint-executable (or (getenv "CVLINT_BIN") "cvlint"))
;; One rule turned off through the settings; the test checks the server obeyed.
(defvar cvlint-test-rule-off (getenv "CVLINT_TEST_RULE_OFF"))
(setq cvlint-settings
      (append '(:locale "en-GB" :pages 2)
              (when (and cvlint-test-rule-off (not (string-empty-p cvlint-test-rule-off)))
                (list :rules (list (intern (concat ":" cvlint-test-rule-off)) "off")))))
(setq eglot-sync-connect 10 eglot-connect-timeout 20)

(condition-case err
    (let* ((file (or (getenv "CV_FILE") (error "CV_FILE not set")))
           (weak "Responsible for"))
      (find-file file)
      (cvlint-test-check (derived-mode-p 'tex-mode) "the CV opens in a TeX mode" major-mode)
      (goto-char (point-min))
      (search-forward weak)
      ;; The expected place, read off the fixture.
      (let* ((want-beg (match-beginning 0))
             (line (line-number-at-pos want-beg))
             (line-text (buffer-substring (line-beginning-position) (line-end-position)))
             (before (buffer-substring (line-beginning-position) want-beg)))
        (cvlint-test-check (/= (string-bytes before) (length before))
                           "the fixture puts non-ASCII before the finding")
        ;; What a mode hook does; Eglot connects after the next command.
        (eglot-ensure)
        (run-hooks 'post-command-hook)
        (cvlint-test-check (cvlint-test-wait 20 (lambda () (eglot-current-server)))
                           "Eglot connects to cvlint lsp")
        (let* ((weak-diag
                (lambda ()
                  (cl-find-if (lambda (d)
                                (equal "weak-verb"
                                       (plist-get (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d)))
                                                  :code)))
                              (flymake-diagnostics))))
               (d (cvlint-test-wait 20 (lambda () (when (eglot-current-server) (funcall weak-diag))))))
          (unless (cvlint-test-check d "cvlint publishes a weak-verb diagnostic"
                                     (format "%d diagnostics" (length (flymake-diagnostics))))
            (cvlint-test-finish))
          (cvlint-test-check (= (line-number-at-pos (flymake-diagnostic-beg d)) line)
                             (format "it is on line %d" line))
          (cvlint-test-check (= (flymake-diagnostic-beg d) want-beg)
                             "it starts at the weak phrase"
                             (format "got %S, want %S" (flymake-diagnostic-beg d) want-beg))
          (cvlint-test-check (>= (flymake-diagnostic-end d) (+ want-beg (length weak)))
                             "it covers the weak phrase")
          ;; The quick fix, through Eglot's own code-action command.
          (cl-letf (((symbol-function 'completing-read)
                     (lambda (_prompt _coll &optional _pred _req _init _hist def &rest _) def)))
            (let ((last-nonmenu-event 13))
              (eglot-code-actions want-beg (+ want-beg (length weak)) "quickfix" t)))
          (let ((after (save-excursion (goto-char (point-min)) (forward-line (1- line))
                                       (buffer-substring (line-beginning-position) (line-end-position)))))
            (princ (format "# %s  =>  %s\n" line-text after))
            (cvlint-test-check (not (string= after line-text)) "the quick fix changes the line")
            (cvlint-test-check (string-prefix-p before after) "the text before the phrase is untouched" after)
            (cvlint-test-check (not (string-match-p (regexp-quote weak) after)) "the weak phrase is gone" after)
            (cvlint-test-check (string-suffix-p "the naïve payments API" after) "the rest of the bullet is untouched" after))
          (cvlint-test-check
           (cvlint-test-wait 10 (lambda () (not (funcall weak-diag))))
           "the server drops the weak-verb diagnostic after the edit")
          (when (and cvlint-test-rule-off (not (string-empty-p cvlint-test-rule-off)))
            (let ((n (cl-count-if (lambda (d)
                                    (equal cvlint-test-rule-off
                                           (plist-get (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d))) :code)))
                                  (flymake-diagnostics))))
              (cvlint-test-check (= n 0)
                                 (format "cvlint-settings :rules (:%s \"off\") reach the server" cvlint-test-rule-off)
                                 (format "%d still shown" n))))))
      (cvlint-test-finish))
  (error (cvlint-test-check nil "the test ran without error" (error-message-string err))
         (cvlint-test-finish)))
