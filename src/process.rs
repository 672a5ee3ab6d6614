//! Running another program: always an argv array (never a shell), output read line by
//! line, a time limit and a cancel flag that stop the program and everything it started
//! (its process group on Unix, its process tree on Windows).

use std::ffi::OsString;
use std::io::{BufRead, Read};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How a program run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ended {
    /// It ended by itself with this exit code (-1: killed by a signal).
    Exited(i32),
    /// The cancel flag was raised; the program and its children were stopped.
    Cancelled,
    /// It ran longer than allowed; the program and its children were stopped.
    TimedOut,
    /// It could not be started (not found, not executable...).
    NotStarted(String),
}

/// Stops a process and everything it started.
pub fn kill_tree(child: &mut Child) {
    #[cfg(unix)]
    {
        use nix::sys::signal::{Signal, killpg};
        use nix::unistd::Pid;
        // The child leads its own process group (see `run`).
        let group = Pid::from_raw(child.id() as i32);
        let _ = killpg(group, Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                // The leader is gone; make sure nothing of the group lingers.
                let _ = killpg(group, Signal::SIGKILL);
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = killpg(group, Signal::SIGKILL);
    }
    #[cfg(windows)]
    {
        let _ = Command::new("taskkill")
            .args(["/T", "/F", "/PID", &child.id().to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Runs `argv` (program first) with no shell, hands each output line (stdout and stderr)
/// to `on_line`, and stops the whole process tree when `cancel` is raised or `timeout`
/// has passed.
pub fn run(
    argv: &[OsString],
    timeout: Duration,
    cancel: &AtomicBool,
    on_line: &mut dyn FnMut(String),
) -> Ended {
    let Some((program, args)) = argv.split_first() else {
        return Ended::NotStarted("empty command".to_owned());
    };
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        cmd.creation_flags(CREATE_NO_WINDOW);
    }
    // "Text file busy": a program written a moment ago can be held open for writing by
    // another thread's fork for a short while; try again before giving up.
    const ETXTBSY: i32 = 26;
    let mut attempts = 0;
    let mut child = loop {
        match cmd.spawn() {
            Ok(c) => break c,
            Err(e) if cfg!(unix) && e.raw_os_error() == Some(ETXTBSY) && attempts < 20 => {
                attempts += 1;
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => {
                return Ended::NotStarted(format!("{}: {e}", program.to_string_lossy()));
            }
        }
    };
    let (tx, rx) = mpsc::channel::<String>();
    let readers: Vec<_> = [
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .flatten()
    .map(|stream| {
        let tx = tx.clone();
        std::thread::spawn(move || {
            let reader = std::io::BufReader::new(stream);
            for line in reader.split(b'\n').map_while(Result::ok) {
                let text = String::from_utf8_lossy(&line)
                    .trim_end_matches('\r')
                    .to_owned();
                if tx.send(text).is_err() {
                    break;
                }
            }
        })
    })
    .collect();
    drop(tx);
    let started = Instant::now();
    let mut streams_open = true;
    loop {
        if streams_open {
            match rx.recv_timeout(Duration::from_millis(100)) {
                Ok(line) => on_line(line),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => streams_open = false,
            }
        } else {
            // Both streams are closed (a child may still hold on): poll gently.
            std::thread::sleep(Duration::from_millis(50));
        }
        if cancel.load(Ordering::SeqCst) {
            kill_tree(&mut child);
            return Ended::Cancelled;
        }
        if started.elapsed() > timeout {
            kill_tree(&mut child);
            return Ended::TimedOut;
        }
        if let Ok(Some(status)) = child.try_wait() {
            // Children that outlive the leader keep the pipes open: do not wait on them.
            let deadline = Instant::now() + Duration::from_millis(500);
            while Instant::now() < deadline {
                match rx.recv_timeout(Duration::from_millis(50)) {
                    Ok(line) => on_line(line),
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        if readers.iter().all(|r| r.is_finished()) {
                            break;
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                }
            }
            while let Ok(line) = rx.try_recv() {
                on_line(line);
            }
            return Ended::Exited(status.code().unwrap_or(-1));
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn argv(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn exit_code_and_lines() {
        let mut lines = Vec::new();
        let ended = run(
            &argv(&["sh", "-c", "echo one; echo two >&2; exit 3"]),
            Duration::from_secs(10),
            &AtomicBool::new(false),
            &mut |l| lines.push(l),
        );
        assert_eq!(ended, Ended::Exited(3));
        lines.sort();
        assert_eq!(lines, ["one", "two"]);
    }

    #[test]
    fn timeout_stops_the_group() {
        let mut lines = Vec::new();
        let ended = run(
            &argv(&["sh", "-c", "sleep 60 & echo $!; wait"]),
            Duration::from_millis(500),
            &AtomicBool::new(false),
            &mut |l| lines.push(l),
        );
        assert_eq!(ended, Ended::TimedOut);
        // The grandchild was stopped too: gone, or a zombie waiting to be reaped.
        let pid: u32 = lines[0].trim().parse().expect("pid line");
        std::thread::sleep(Duration::from_millis(200));
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let alive = state
            .rsplit(')')
            .next()
            .is_some_and(|rest| !rest.trim_start().starts_with('Z'))
            && !state.is_empty();
        assert!(!alive, "sleep {pid} still runs: {state}");
    }

    #[test]
    fn missing_program() {
        let ended = run(
            &argv(&["/nonexistent/kitlibre-nothing"]),
            Duration::from_secs(1),
            &AtomicBool::new(false),
            &mut |_| {},
        );
        assert!(matches!(ended, Ended::NotStarted(_)));
    }
}
