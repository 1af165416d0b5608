//! PROD: products written out in the text ("150 m3 x 19,70 kr = 2 955 kr").

pub mod prod001;
pub mod prod002;
pub mod prod003;
