//! HTTPS requests, only for what the person asked for (a download, a catalogue update).
//! Built on reqwest with rustls; the `net` feature (on by default) can be left out for
//! compile checks of other platforms, where the TLS library's C code cannot be built.

use std::io::Read;

/// An answer being received.
pub struct Response {
    pub status: u16,
    pub content_length: Option<u64>,
    pub body: Box<dyn Read + Send>,
}

/// Why there is no answer.
#[derive(Debug)]
pub enum NetError {
    /// The client could not be set up.
    Setup(String),
    /// No connection (no network, name not found, refused, TLS failure).
    Connect(String),
}

/// Requests sent by this process (the no-network test reads it).
static REQUESTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many requests this process has sent.
pub fn requests_sent() -> usize {
    REQUESTS.load(std::sync::atomic::Ordering::SeqCst)
}

impl std::fmt::Display for NetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NetError::Setup(d) | NetError::Connect(d) => f.write_str(d),
        }
    }
}

/// Whether a read error of an answer's body is the time limit running out (rather than
/// the connection being cut).
pub fn is_timeout(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::TimedOut {
        return true;
    }
    #[cfg(feature = "net")]
    {
        let mut source: Option<&(dyn std::error::Error + 'static)> = e
            .get_ref()
            .map(|inner| inner as &(dyn std::error::Error + 'static));
        while let Some(err) = source {
            if let Some(r) = err.downcast_ref::<reqwest::Error>()
                && r.is_timeout()
            {
                return true;
            }
            if let Some(io) = err.downcast_ref::<std::io::Error>()
                && io.kind() == std::io::ErrorKind::TimedOut
            {
                return true;
            }
            source = err.source();
        }
    }
    false
}

/// Sends a GET request and returns the answer as it arrives.
pub fn get(url: &str) -> Result<Response, NetError> {
    request(url, None)
}

/// The same, with a time limit from the request to the last byte of the answer.
pub fn get_with_timeout(url: &str, timeout: std::time::Duration) -> Result<Response, NetError> {
    request(url, Some(timeout))
}

#[cfg(feature = "net")]
fn request(url: &str, timeout: Option<std::time::Duration>) -> Result<Response, NetError> {
    use std::time::Duration;
    REQUESTS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::blocking::Client::builder()
        .connect_timeout(Duration::from_secs(30))
        .timeout(timeout)
        .build()
        .map_err(|e| NetError::Setup(e.to_string()))?;
    let resp = client
        .get(url)
        .send()
        .map_err(|e| NetError::Connect(e.to_string()))?;
    Ok(Response {
        status: resp.status().as_u16(),
        content_length: resp.content_length(),
        body: Box::new(resp),
    })
}

/// Built without network support.
#[cfg(not(feature = "net"))]
fn request(url: &str, _timeout: Option<std::time::Duration>) -> Result<Response, NetError> {
    Err(NetError::Setup(format!(
        "{url}: this build of Kit Libre has no network support"
    )))
}
