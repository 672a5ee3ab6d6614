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

/// Sends a GET request and returns the answer as it arrives.
#[cfg(feature = "net")]
pub fn get(url: &str) -> Result<Response, NetError> {
    use std::time::Duration;
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::blocking::Client::builder()
        .connect_timeout(Duration::from_secs(30))
        .timeout(None)
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
pub fn get(url: &str) -> Result<Response, NetError> {
    Err(NetError::Setup(format!(
        "{url}: this build of Kit Libre has no network support"
    )))
}
